package io.vigil.audit.persistence;

import io.vigil.audit.domain.SignedTreeHead;
import io.vigil.audit.domain.TreeHead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/** Signed tree heads, one per tree size, append-only. */
@ApplicationScoped
public class TreeHeadStore {
    private final DataSource dataSource;

    public TreeHeadStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional
    public Optional<SignedTreeHead> at(long treeSize) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT tree_size, root_hash, signed_at, key_id, signature FROM tree_head WHERE tree_size = ?")) {
            ps.setLong(1, treeSize);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new SignedTreeHead(new TreeHead(rs.getLong(1), rs.getBytes(2), rs.getTimestamp(3).toInstant()),
                        rs.getString(4), rs.getBytes(5)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read tree heads", e);
        }
    }

    /** Keeps the first head signed for a size; a concurrent signer's duplicate is dropped. */
    @Transactional
    public void insertIfAbsent(SignedTreeHead signed) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO tree_head (tree_size, root_hash, signed_at, key_id, signature) VALUES (?, ?, ?, ?, ?)
                     ON CONFLICT (tree_size) DO NOTHING""")) {
            ps.setLong(1, signed.head().treeSize());
            ps.setBytes(2, signed.head().rootHash());
            ps.setTimestamp(3, Timestamp.from(signed.head().timestamp()));
            ps.setString(4, signed.keyId());
            ps.setBytes(5, signed.signature());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the tree head", e);
        }
    }
}
