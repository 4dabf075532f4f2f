package io.vigil.audit.persistence;

import io.vigil.audit.domain.SigningKey;
import io.vigil.audit.domain.TreeHeadSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The development signing key, kept in the database so tree heads stay verifiable across restarts. */
@ApplicationScoped
public class SigningKeyStore {
    private final DataSource dataSource;

    public SigningKeyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stored development key, or a new one stored now (first start). */
    @Transactional
    public SigningKey developmentKey() {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(42)")) {
                lock.execute(); // two instances starting together create one key
            }
            return stored(c).orElseGet(() -> create(c));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the signing key", e);
        }
    }

    private static Optional<SigningKey> stored(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT public_key, private_key FROM signing_key ORDER BY created_at LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            PublicKey pub = TreeHeadSigner.publicKeyFromX509Base64(rs.getString(1));
            PrivateKey priv = TreeHeadSigner.privateKeyFromPkcs8Base64(rs.getString(2));
            return Optional.of(SigningKey.of(pub, priv, true));
        }
    }

    private static SigningKey create(Connection c) {
        KeyPair pair = TreeHeadSigner.generate();
        SigningKey key = SigningKey.of(pair.getPublic(), pair.getPrivate(), true);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO signing_key (key_id, public_key, private_key) VALUES (?, ?, ?)")) {
            ps.setString(1, key.keyId());
            ps.setString(2, key.publicKeyBase64());
            ps.setString(3, TreeHeadSigner.toBase64(pair.getPrivate()));
            ps.executeUpdate();
            return key;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the development signing key", e);
        }
    }
}
