package io.vigil.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.audit.domain.MerkleHashes;
import io.vigil.audit.domain.MerkleVerifier;
import io.vigil.audit.verifier.OfflineVerifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What an auditor does with the log, with audit-log's own pure verifier rather than the server's word: the server's
 * chain check, an inclusion proof checked against the signed tree head, and the offline verifier on an export.
 */
public final class AuditorChecks {
    private static final HexFormat HEX = HexFormat.of();
    private final Stage stage;

    public AuditorChecks(Stage stage) {
        this.stage = stage;
    }

    /** GET /audit/verify over the whole log. */
    public JsonNode serverVerify() {
        return call("/audit/verify").expect(200);
    }

    /**
     * The entry's inclusion in the signed tree head: the leaf hash recomputed from its entry_hash, the audit path
     * from the server, the root it leads to compared with the head's. True when all three agree.
     */
    public boolean inclusionVerifies(long seq, JsonNode treeHead) {
        long size = treeHead.path("treeSize").asLong();
        JsonNode entry = call("/audit/entries/" + seq).expect(200);
        JsonNode proof = call("/audit/proofs/inclusion?seq=" + seq + "&treeSize=" + size).expect(200);
        byte[] leaf = MerkleHashes.leafHash(HEX.parseHex(entry.path("entryHash").asText()));
        List<byte[]> path = new ArrayList<>();
        proof.path("proof").forEach(h -> path.add(HEX.parseHex(h.asText())));
        return MerkleVerifier.verifyInclusion(leaf, seq - 1, size, path, HEX.parseHex(treeHead.path("rootHash").asText()));
    }

    /** The signed tree head as it is now. */
    public JsonNode treeHead() {
        return call("/audit/tree-head").expect(200);
    }

    /** The export up to the head, checked by the offline verifier against the head and its public key. */
    public OfflineVerifier.Report offlineVerify(JsonNode treeHead) {
        try {
            Path export = Files.createTempFile("vigil-audit", ".ndjson");
            try {
                HttpResponse<Path> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(stage.system.audit() + "/audit/export?format=ndjson"))
                        .header("Authorization", "Bearer " + stage.tokens.of("auditor")).build(),
                        HttpResponse.BodyHandlers.ofFile(export));
                if (response.statusCode() != 200) {
                    throw new AssertionError("GET /audit/export answered " + response.statusCode());
                }
                ByteArrayOutputStream log = new ByteArrayOutputStream();
                return OfflineVerifier.verify(export, treeHead, treeHead.path("publicKey").asText(),
                        new PrintStream(log, true, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(export);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not export the audit log: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Http.Answer call(String path) {
        return stage.call(stage.system.audit(), "auditor", "GET", path, null);
    }
}
