package io.vigil.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** audit-service's own keys ({@code vigil.audit.*}); the platform's are in {@code VigilConfig}. */
@ConfigMapping(prefix = "vigil.audit")
public interface AuditConfig {
    /** Ed25519 private key that signs tree heads, PKCS#8 in base64; unset: a development key kept in the database. */
    Optional<String> signingKey();

    /** Its public key, X.509 in base64; set both or neither. */
    Optional<String> publicKey();

    /** What is logged: the Kafka consumer of the log (the broker is the platform's {@code vigil.kafka.bootstrap-servers}). */
    Intake intake();

    interface Intake {
        /** The topics read; default every topic of the contract ({@code messaging.ContractTopics}). */
        List<String> topics();

        @WithDefault("audit-service")
        String groupId();

        /** The most records in one batch, which is one transaction of the log. */
        @WithDefault("5000")
        int maxPollRecords();

        /** Where a group without committed offsets starts: {@code earliest} (everything on the broker) or {@code latest}. */
        @WithDefault("earliest")
        String autoOffsetReset();
    }
}
