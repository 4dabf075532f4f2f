package io.vigil.audit.verifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.audit.domain.AuditEntry;
import io.vigil.audit.domain.AuditRecord;
import io.vigil.audit.domain.EntryHash;
import io.vigil.audit.domain.InMemorySubtrees;
import io.vigil.audit.domain.MerkleFrontier;
import io.vigil.audit.domain.MerkleHashes;
import io.vigil.audit.domain.MerkleProofs;
import io.vigil.audit.domain.TreeHead;
import io.vigil.audit.domain.TreeHeadSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineVerifierTest {
    static final Instant T = Instant.parse("2026-11-22T14:00:00.123456Z");
    @TempDir
    Path dir;
    final KeyPair key = TreeHeadSigner.generate();
    final List<AuditEntry> entries = new ArrayList<>();

    @BeforeEach
    void aLogOf20Entries() {
        byte[] prev = EntryHash.GENESIS;
        for (int i = 1; i <= 20; i++) {
            AuditRecord r = new AuditRecord("evt-" + i, "vigil.deploys", i % 3, i, "vigil.deploy.started.v1", "urn:ci",
                    i % 4 == 0 ? null : "dep-" + i, "engineer", T.plusSeconds(i), T.plusSeconds(i + 1),
                    "{\"n\":" + i + ",\"text\":\"a, \\\"quoted\\\" value\"}");
            AuditEntry e = AuditEntry.chain(i, r, prev);
            entries.add(e);
            prev = e.entryHash();
        }
    }

    Path export(List<String> lines) throws IOException {
        Path file = dir.resolve("audit.ndjson");
        Files.write(file, lines);
        return file;
    }

    List<String> lines() {
        return new ArrayList<>(entries.stream().map(ExportFormat::toNdjsonLine).toList());
    }

    Path treeHead(long size, KeyPair signer) throws IOException {
        InMemorySubtrees tree = new InMemorySubtrees();
        for (AuditEntry e : entries) {
            tree.addAll(MerkleFrontier.nodesAfterAppend(e.seq() - 1, MerkleHashes.leafHash(e.entryHash()), tree));
        }
        TreeHead head = new TreeHead(size, MerkleProofs.root(size, tree), T.plusSeconds(100));
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("treeSize", size);
        json.put("rootHash", HexFormat.of().formatHex(head.rootHash()));
        json.put("timestamp", head.timestamp().toString());
        json.put("keyId", "test");
        json.put("signature", Base64.getEncoder().encodeToString(TreeHeadSigner.sign(head, signer.getPrivate())));
        json.put("publicKey", TreeHeadSigner.toBase64(signer.getPublic()));
        Path file = dir.resolve("tree-head.json");
        Files.writeString(file, json.toString());
        return file;
    }

    String run(Path export, Path head, int expectedExit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = OfflineVerifier.run(new String[]{"--export", export.toString(), "--tree-head", head.toString(),
                "--public-key", TreeHeadSigner.toBase64(key.getPublic())}, new PrintStream(out, true));
        assertThat(exit).as(out.toString()).isEqualTo(expectedExit);
        return out.toString();
    }

    @Test
    void shouldRoundTripEveryEntryThroughTheExportFormat() {
        for (AuditEntry e : entries) {
            AuditEntry back = ExportFormat.fromNdjsonLine(ExportFormat.toNdjsonLine(e));
            assertThat(back.record()).isEqualTo(e.record());
            assertThat(back.entryHash()).isEqualTo(e.entryHash());
            assertThat(back.hashMatches()).isTrue();
        }
    }

    @Test
    void shouldAcceptAnUntouchedExport() throws IOException {
        assertThat(run(export(lines()), treeHead(20, key), 0)).contains("VALID: 20 entries");
    }

    @Test
    void shouldAcceptAnExportLongerThanTheTreeHead() throws IOException {
        assertThat(run(export(lines()), treeHead(13, key), 0)).contains("VALID: 13 entries");
    }

    @Test
    void shouldNameTheFirstEntryWhoseContentWasChanged() throws IOException {
        List<String> lines = lines();
        lines.set(6, lines.get(6).replace("\"actor\":\"engineer\"", "\"actor\":\"mallory\""));

        assertThat(run(export(lines), treeHead(20, key), 1)).contains("INVALID at seq 7");
    }

    @Test
    void shouldRejectAConsistentlyRewrittenLogByItsMerkleRoot() throws IOException {
        Path head = treeHead(20, key);
        // rewrite entry 5 and re-chain everything after it: the chain is whole again, the signed root is not
        AuditRecord r = entries.get(4).record();
        byte[] prev = entries.get(3).entryHash();
        for (int i = 4; i < entries.size(); i++) {
            AuditRecord rec = i == 4 ? new AuditRecord(r.eventId(), r.topic(), r.partition(), r.offset(), r.type(), r.source(),
                    r.subject(), "mallory", r.occurredAt(), r.recordedAt(), r.payload()) : entries.get(i).record();
            entries.set(i, AuditEntry.chain(i + 1, rec, prev));
            prev = entries.get(i).entryHash();
        }

        assertThat(run(export(lines()), head, 1)).contains("Merkle root");
    }

    @Test
    void shouldReportAMissingEntry() throws IOException {
        List<String> lines = lines();
        lines.remove(9);

        assertThat(run(export(lines), treeHead(20, key), 1)).contains("INVALID at seq 10");
    }

    @Test
    void shouldRejectATreeHeadSignedByAnotherKey() throws IOException {
        assertThat(run(export(lines()), treeHead(20, TreeHeadSigner.generate()), 1)).contains("signature");
    }

    @Test
    void shouldExplainBadUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(OfflineVerifier.run(new String[]{"--export"}, new PrintStream(out, true))).isEqualTo(2);
        assertThat(out.toString()).contains("usage");
    }
}
