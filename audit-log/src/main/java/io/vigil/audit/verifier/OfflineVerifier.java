package io.vigil.audit.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.audit.domain.AuditEntry;
import io.vigil.audit.domain.ChainVerification;
import io.vigil.audit.domain.EntryHash;
import io.vigil.audit.domain.InMemorySubtrees;
import io.vigil.audit.domain.MerkleFrontier;
import io.vigil.audit.domain.MerkleHashes;
import io.vigil.audit.domain.MerkleProofs;
import io.vigil.audit.domain.TreeHead;
import io.vigil.audit.domain.TreeHeadSigner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Checks an NDJSON export against a signed tree head without trusting the server: every entry is re-hashed
 * and linked to its predecessor, the Merkle root of the first {@code treeSize} entries is recomputed, and the
 * head's Ed25519 signature is checked with a public key the auditor trusts.
 * <pre>
 * java -jar audit-verifier.jar --export audit.ndjson --tree-head tree-head.json [--public-key BASE64]
 * </pre>
 * Exit code 0: valid; 1: something does not verify (the first bad entry is named); 2: bad usage or input.
 */
public final class OfflineVerifier {
    public record Report(boolean valid, long checked, Long firstBad, String problem) {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        Path export = null;
        Path head = null;
        String publicKey = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--export" -> export = Path.of(args[i + 1]);
                case "--tree-head" -> head = Path.of(args[i + 1]);
                case "--public-key" -> publicKey = args[i + 1];
                default -> { return usage(out, "unknown option " + args[i]); }
            }
        }
        if (export == null || head == null || args.length % 2 != 0) {
            return usage(out, "--export and --tree-head are required");
        }
        try {
            Report report = verify(export, new ObjectMapper().readTree(head.toFile()), publicKey, out);
            out.println(report.valid()
                    ? "VALID: " + report.checked() + " entries; chain, Merkle root and signature verify"
                    : "INVALID at seq " + report.firstBad() + ": " + report.problem() + " (" + report.checked() + " entries checked before it)");
            return report.valid() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            return usage(out, e.getMessage());
        }
    }

    public static Report verify(Path export, JsonNode headJson, String trustedPublicKey, PrintStream out) throws IOException {
        TreeHead head = new TreeHead(headJson.path("treeSize").asLong(), HexFormat.of().parseHex(headJson.path("rootHash").asText()),
                Instant.parse(headJson.path("timestamp").asText()));
        String keyText = trustedPublicKey != null ? trustedPublicKey : headJson.path("publicKey").asText();
        if (trustedPublicKey == null) {
            out.println("note: using the public key inside the tree-head file (key id " + headJson.path("keyId").asText()
                    + "); pass --public-key to check against a key you obtained independently");
        }
        PublicKey key = TreeHeadSigner.publicKeyFromX509Base64(keyText);
        if (!TreeHeadSigner.verify(head, Base64.getDecoder().decode(headJson.path("signature").asText()), key)) {
            return new Report(false, 0, null, "the tree head's signature does not verify with this key");
        }
        ChainVerification chain = new ChainVerification(1, EntryHash.GENESIS);
        InMemorySubtrees tree = new InMemorySubtrees();
        try (BufferedReader lines = Files.newBufferedReader(export)) {
            String line;
            while ((line = lines.readLine()) != null && chain.result().checked() < head.treeSize()) {
                if (line.isBlank()) {
                    continue;
                }
                AuditEntry entry = ExportFormat.fromNdjsonLine(line);
                if (!chain.accept(entry)) {
                    break;
                }
                tree.addAll(MerkleFrontier.nodesAfterAppend(entry.seq() - 1, MerkleHashes.leafHash(entry.entryHash()), tree));
                if (entry.seq() % 4096 == 0) {
                    tree.keepRightEdgeOf(entry.seq());
                }
            }
        }
        ChainVerification.Result result = chain.resultThrough(head.treeSize());
        if (!result.valid()) {
            return new Report(false, result.checked(), result.firstBad(), result.problem());
        }
        if (!Arrays.equals(MerkleProofs.root(head.treeSize(), tree), head.rootHash())) {
            return new Report(false, result.checked(), null, "the Merkle root of the export differs from the signed tree head");
        }
        return new Report(true, result.checked(), null, null);
    }

    private static int usage(PrintStream out, String problem) {
        out.println("error: " + problem);
        out.println("usage: --export audit.ndjson --tree-head tree-head.json [--public-key BASE64-X509]");
        return 2;
    }

    private OfflineVerifier() {
    }
}
