package io.vigil.audit.persistence;

import io.vigil.audit.domain.MerkleProofs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/** Roots and proofs of any tree size, composed from the stored perfect subtrees. */
@ApplicationScoped
public class MerkleQueries {
    private final DataSource dataSource;
    private final MerkleTreeStore tree;

    public MerkleQueries(DataSource dataSource, MerkleTreeStore tree) {
        this.dataSource = dataSource;
        this.tree = tree;
    }

    /** How many entries the log holds: the size of the current tree. */
    @Transactional
    public long size() {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(seq), 0) FROM audit_entry");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Transactional
    public byte[] root(long treeSize) {
        return withConnection(c -> MerkleProofs.root(treeSize, tree.stored(c)));
    }

    @Transactional
    public byte[] leafHash(long leafIndex) {
        return withConnection(c -> tree.stored(c).perfect(0, leafIndex));
    }

    @Transactional
    public List<byte[]> inclusion(long leafIndex, long treeSize) {
        return withConnection(c -> MerkleProofs.inclusion(leafIndex, treeSize, tree.stored(c)));
    }

    @Transactional
    public List<byte[]> consistency(long first, long second) {
        return withConnection(c -> MerkleProofs.consistency(first, second, tree.stored(c)));
    }

    private <T> T withConnection(Function<Connection, T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the Merkle tree", e);
        }
    }
}
