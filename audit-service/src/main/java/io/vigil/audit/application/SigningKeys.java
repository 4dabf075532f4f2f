package io.vigil.audit.application;

import io.vigil.audit.config.AuditConfig;
import io.vigil.audit.domain.SigningKey;
import io.vigil.audit.domain.TreeHeadSigner;
import io.vigil.audit.persistence.SigningKeyStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Which key signs tree heads: the configured one (vigil.audit.signing-key + vigil.audit.public-key), or,
 * when none is configured, a development key generated on first start and kept in the database.
 */
@ApplicationScoped
public class SigningKeys {
    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private final SigningKeyStore store;
    private final Optional<String> privateKey;
    private final Optional<String> publicKey;
    private volatile SigningKey current;

    public SigningKeys(SigningKeyStore store, AuditConfig config) {
        this.store = store;
        this.privateKey = config.signingKey();
        this.publicKey = config.publicKey();
    }

    public SigningKey current() {
        SigningKey key = current;
        if (key == null) {
            key = load();
            current = key;
        }
        return key;
    }

    private SigningKey load() {
        if (privateKey.isPresent() != publicKey.isPresent()) {
            throw new IllegalStateException("set both vigil.audit.signing-key (PKCS#8) and vigil.audit.public-key (X.509), base64");
        }
        if (privateKey.isPresent()) {
            return SigningKey.of(TreeHeadSigner.publicKeyFromX509Base64(publicKey.get()),
                    TreeHeadSigner.privateKeyFromPkcs8Base64(privateKey.get()), false);
        }
        SigningKey dev = store.developmentKey();
        LOG.warnf("signing tree heads with development key %s (set vigil.audit.signing-key for production)", dev.keyId());
        return dev;
    }
}
