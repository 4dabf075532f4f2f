package io.vigil.bench;

import io.vigil.audit.domain.AuditEntry;
import io.vigil.audit.domain.AuditRecord;
import io.vigil.audit.domain.InMemorySubtrees;
import io.vigil.audit.domain.MerkleFrontier;
import io.vigil.audit.domain.MerkleHashes;
import io.vigil.audit.domain.RightEdge;
import io.vigil.events.EventPayload;
import io.vigil.events.VigilEvent;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Grows the log to the size the query part needs, fast: continues the chain from its head in this JVM exactly as
 * audit-service's AuditLog does (AuditEntry.chain; MerkleFrontier nodes over the right edge, as MerkleTreeStore
 * does) and writes entries and nodes with COPY, as the owner role, under the appenders' advisory lock, one
 * transaction per batch. The next batch is computed while the current one is copied.
 */
final class ChainFiller {
    /** audit-service stores subtrees of 16 leaves and more (its MerkleTreeStore.LOWEST_STORED_LEVEL). */
    private static final int LOWEST_STORED_LEVEL = 4;
    private static final long APPEND_LOCK = 0x61_75_64_69_74L; // AuditLog.APPEND_LOCK ("audit")
    private static final int BATCH = 20_000;
    private static final HexFormat HEX = HexFormat.of();

    record Result(long added, double seconds) {
        double perSecond() {
            return added / seconds;
        }
    }

    private record Batch(long firstSeq, byte[] prevOfFirst, int size, StringBuilder entries, StringBuilder nodes) {
    }

    private final Workload workload;
    private final Map<String, long[]> nextOffsets = new HashMap<>();
    private long seq;
    private byte[] prev;
    private InMemorySubtrees edge;
    private long nextIndex;

    private ChainFiller(Workload workload, long headSeq, byte[] headHash, InMemorySubtrees edge, long firstIndex) {
        this.workload = workload;
        this.seq = headSeq;
        this.prev = headHash;
        this.edge = edge;
        this.nextIndex = firstIndex;
    }

    /** Appends entries until the log holds {@code target}; workload events from {@code firstIndex} on. */
    static Result fill(Db db, Workload workload, long firstIndex, long target) throws SQLException, IOException {
        try (Connection c = db.connect()) {
            long head = Db.maxSeq(c);
            if (head >= target) {
                return new Result(0, 0);
            }
            ChainFiller filler = new ChainFiller(workload, head, hashAt(c, head), rightEdge(c, head), firstIndex);
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            Batch next = filler.generate(target);
            while (next != null) {
                Batch current = next;
                CompletableFuture<Batch> following = current.firstSeq() + current.size() - 1 < target
                        ? CompletableFuture.supplyAsync(() -> filler.generate(target)) : null;
                write(c, current);
                next = following == null ? null : following.join();
            }
            return new Result(target - head, (System.nanoTime() - t0) / 1e9);
        }
    }

    private Batch generate(long target) {
        int size = (int) Math.min(BATCH, target - seq);
        Batch batch = new Batch(seq + 1, prev, size, new StringBuilder(size * 1024), new StringBuilder(size * 160));
        for (int k = 0; k < size; k++) {
            VigilEvent<EventPayload> event = workload.event(nextIndex++);
            AuditEntry entry = AuditEntry.chain(++seq, place(event), prev);
            prev = entry.entryHash();
            EntryRows.csv(batch.entries(), entry);
            for (MerkleFrontier.Node n : MerkleFrontier.nodesAfterAppend(seq - 1, MerkleHashes.leafHash(entry.entryHash()), edge)) {
                edge.add(n.level(), n.index(), n.hash());
                if (n.level() < LOWEST_STORED_LEVEL) {
                    continue; // as audit-service's MerkleTreeStore: small subtrees are recomputed, not stored
                }
                batch.nodes().append(n.level()).append(',').append(n.index()).append(",\\x").append(HEX.formatHex(n.hash())).append('\n');
            }
        }
        edge.keepRightEdgeOf(seq);
        return batch;
    }

    /** Where the event would have been on the broker: its own topic, partition by subject, offsets counting up. */
    private AuditRecord place(VigilEvent<EventPayload> event) {
        int partition = Math.floorMod(event.subject().hashCode(), BenchTopic.PARTITIONS);
        long offset = nextOffsets.computeIfAbsent(event.topic(), t -> new long[BenchTopic.PARTITIONS])[partition]++;
        return workload.record(event, event.topic(), partition, offset, event.time().plusMillis(200));
    }

    private static void write(Connection c, Batch batch) throws SQLException {
        try {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, APPEND_LOCK);
                lock.execute();
            }
            long head = Db.maxSeq(c);
            if (head != batch.firstSeq() - 1 || !Arrays.equals(hashAt(c, head), batch.prevOfFirst())) {
                throw new IllegalStateException("the log's head moved to seq " + head + " while filling: something else appends");
            }
            PGConnection pg = c.unwrap(PGConnection.class);
            pg.getCopyAPI().copyIn("COPY audit_entry (" + EntryRows.COLUMNS + ") FROM STDIN (FORMAT csv)",
                    new StringReader(batch.entries().toString()));
            pg.getCopyAPI().copyIn("COPY merkle_node (level, idx, hash) FROM STDIN (FORMAT csv)",
                    new StringReader(batch.nodes().toString()));
            c.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e instanceof SQLException s ? s : new SQLException("COPY failed", e);
        }
    }

    private static byte[] hashAt(Connection c, long seq) throws SQLException {
        if (seq == 0) {
            return io.vigil.audit.domain.EntryHash.GENESIS;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT entry_hash FROM audit_entry WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("audit_entry " + seq + " is missing");
                }
                return rs.getBytes(1);
            }
        }
    }

    /** The perfect subtrees along the right edge of a tree of {@code size} leaves: all an append reads. */
    private static InMemorySubtrees rightEdge(Connection c, long size) throws SQLException {
        InMemorySubtrees view = new InMemorySubtrees();
        for (RightEdge.Position p : RightEdge.of(size)) {
            view.add(p.level(), p.index(), p.level() >= LOWEST_STORED_LEVEL ? stored(c, p) : fromEntries(c, p));
        }
        return view;
    }

    private static byte[] stored(Connection c, RightEdge.Position p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM merkle_node WHERE level = ? AND idx = ?")) {
            ps.setInt(1, p.level());
            ps.setLong(2, p.index());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("merkle_node (" + p.level() + ", " + p.index() + ") is missing");
                }
                return rs.getBytes(1);
            }
        }
    }

    private static byte[] fromEntries(Connection c, RightEdge.Position p) throws SQLException {
        long width = 1L << p.level();
        try (PreparedStatement ps = c.prepareStatement("SELECT entry_hash FROM audit_entry WHERE seq BETWEEN ? AND ? ORDER BY seq")) {
            ps.setLong(1, p.index() * width + 1);
            ps.setLong(2, (p.index() + 1) * width);
            java.util.List<byte[]> leaves = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    leaves.add(MerkleHashes.leafHash(rs.getBytes(1)));
                }
            }
            return MerkleHashes.perfectRoot(leaves);
        }
    }
}
