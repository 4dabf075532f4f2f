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

/** The Merkle tree's perfect subtrees in {@code merkle_node}: grown with each append, read for roots and proofs. */
@ApplicationScoped
public class MerkleTreeStore {

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
                ps.setInt(1, n.level());
                ps.setLong(2, n.index());
                ps.setBytes(3, n.hash());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Nodes read one by one from the table; roots and proofs need O(log n) of them. */
    Subtrees stored(Connection c) {
        return (level, index) -> {
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
        };
    }
}
