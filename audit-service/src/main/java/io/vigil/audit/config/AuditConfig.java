package io.vigil.audit.config;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** audit-service's own keys ({@code vigil.audit.*}); the platform's are in {@code VigilConfig}. */
@ConfigMapping(prefix = "vigil.audit")
public interface AuditConfig {
    /** Ed25519 private key that signs tree heads, PKCS#8 in base64; unset: a development key kept in the database. */
    Optional<String> signingKey();

    /** Its public key, X.509 in base64; set both or neither. */
    Optional<String> publicKey();
}
