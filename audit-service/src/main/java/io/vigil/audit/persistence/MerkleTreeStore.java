package io.vigil.audit.persistence;

import io.vigil.audit.domain.AuditEntry;
import io.vigil.audit.domain.InMemorySubtrees;
import io.vigil.audit.domain.MerkleFrontier;
import io.vigil.audit.domain.MerkleHashes;
import io.vigil.audit.domain.RightEdge;
import io.vigil.audit.domain.Subtrees;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree's perfect subtrees: grown with each append, read for roots and proofs. Only subtrees of
 * {@value #LOWEST_STORED_LEVEL} levels and more (16+ leaves) are kept in {@code merkle_node}; smaller ones are
 * recomputed from at most 8 entry hashes when a proof needs them. That stores one node per 8 entries
 * instead of two per entry, on the append's hot path.
 */
@ApplicationScoped
public class MerkleTreeStore {
    static final int LOWEST_STORED_LEVEL = 4;

    /** Adds the nodes that the appended entries complete; runs in the append's transaction, under its lock. */
    void grow(Connection c, long sizeBefore, List<AuditEntry> appended) throws SQLException {
        if (appended.isEmpty()) {
            return;
        }
        InMemorySubtrees view = new InMemorySubtrees();
        Subtrees stored = stored(c);
        for (RightEdge.Position p : RightEdge.of(sizeBefore)) {
            view.add(p.level(), p.index(), stored.perfect(p.level(), p.index()));
        }
        List<MerkleFrontier.Node> created = new ArrayList<>();
        for (AuditEntry entry : appended) {
            List<MerkleFrontier.Node> nodes = MerkleFrontier.nodesAfterAppend(entry.seq() - 1, MerkleHashes.leafHash(entry.entryHash()), view);
            view.addAll(nodes);
            created.addAll(nodes);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO merkle_node (level, idx, hash) VALUES (?, ?, ?)")) {
            for (MerkleFrontier.Node n : created) {
                if (n.level() < LOWEST_STORED_LEVEL) {
                    continue;
                }
                ps.setInt(1, n.level());
                ps.setLong(2, n.index());
                ps.setBytes(3, n.hash());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Stored nodes read one by one; smaller subtrees recomputed from the entries. Roots and proofs need O(log n). */
    Subtrees stored(Connection c) {
        return (level, index) -> level >= LOWEST_STORED_LEVEL ? storedNode(c, level, index) : fromEntries(c, level, index);
    }

    private static byte[] storedNode(Connection c, int level, long index) {
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM merkle_node WHERE level = ? AND idx = ?")) {
            ps.setInt(1, level);
            ps.setLong(2, index);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("merkle_node (" + level + ", " + index + ") is missing");
                }
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read merkle_node", e);
        }
    }

    private static byte[] fromEntries(Connection c, int level, long index) {
        long width = 1L << level;
        long first = index * width + 1;
        try (PreparedStatement ps = c.prepareStatement("SELECT entry_hash FROM audit_entry WHERE seq BETWEEN ? AND ? ORDER BY seq")) {
            ps.setLong(1, first);
            ps.setLong(2, first + width - 1);
            List<byte[]> leaves = new ArrayList<>((int) width);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    leaves.add(MerkleHashes.leafHash(rs.getBytes(1)));
                }
            }
            if (leaves.size() != width) {
                throw new IllegalStateException("entries " + first + ".." + (first + width - 1) + " are not all in the log");
            }
            return MerkleHashes.perfectRoot(leaves);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read entry hashes", e);
        }
    }
}
