package io.vigil.audit.persistence;

import io.vigil.audit.domain.AuditEntry;
import io.vigil.audit.domain.MerkleEdge;
import io.vigil.audit.domain.MerkleHashes;
import io.vigil.audit.domain.Subtrees;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** What an append made: its entries and the tree's right edge after them. */
    record Growth(List<AuditEntry> entries, long size, byte[] lastEntryHash, MerkleEdge edge) {
    }

    /** The right edge after the last committed append of this instance, and the head it belongs to. */
    private volatile Growth lastCommitted;

    /**
     * Adds the nodes that the appended entries complete; runs in the append's transaction, under its lock. The right
     * edge is kept in memory from the last append this instance committed; it is read from the tree only when the
     * head is not the one it belongs to (another instance appended, or this one's last append was rolled back).
     */
    Growth grow(Connection c, long sizeBefore, byte[] headHash, List<AuditEntry> appended) throws SQLException {
        MerkleEdge edge = edgeAt(c, sizeBefore, headHash);
        if (appended.isEmpty()) {
            return new Growth(appended, sizeBefore, headHash, edge);
        }
        try (BinaryCopy copy = BinaryCopy.into(c, "merkle_node", "level, idx, hash")) {
            for (AuditEntry entry : appended) {
                edge.append(MerkleHashes.leafHash(entry.entryHash()), LOWEST_STORED_LEVEL, (level, index, hash) -> {
                    try {
                        copy.row(3).smallint(level).int8(index).bytea(hash);
                    } catch (SQLException e) {
                        throw new UncheckedSql(e);
                    }
                });
            }
            copy.finish();
        } catch (UncheckedSql e) {
            throw e.getCause();
        }
        AuditEntry last = appended.get(appended.size() - 1);
        return new Growth(appended, last.seq(), last.entryHash(), edge);
    }

    /** Called once the append's transaction has committed. */
    void committed(Growth growth) {
        lastCommitted = new Growth(List.of(), growth.size(), growth.lastEntryHash(), growth.edge());
    }

    private MerkleEdge edgeAt(Connection c, long size, byte[] headHash) {
        Growth last = lastCommitted;
        if (last != null && last.size() == size && Arrays.equals(last.lastEntryHash(), headHash)) {
            return last.edge().copy();
        }
        return MerkleEdge.of(size, stored(c));
    }

    private static final class UncheckedSql extends RuntimeException {
        UncheckedSql(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
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
