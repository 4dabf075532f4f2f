package io.vigil.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Every {@code vigil.*} key of the platform in one place (platform/README.md lists them).
 * A service's own keys live in its own mapping under {@code vigil.<service>.*}.
 */
@ConfigMapping(prefix = "vigil")
public interface VigilConfig {
    /** Database, login role and consumer-group prefix of the service. */
    String service();

    /** CloudEvents {@code source} of the service's events. */
    URI source();

    Outbox outbox();

    Inbox inbox();

    Timers timers();

    Clock clock();

    Policy policy();

    Kafka kafka();

    interface Outbox {
        /** Run the relay (off in audit-service, which publishes nothing). */
        @WithDefault("true")
        boolean enabled();

        /** Fallback poll for rows a crash left unpublished. */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** Longest wait for the broker's acks of one batch; well below the transaction timeout (60 s). */
        @WithDefault("PT15S")
        Duration ackTimeout();

        /** Published rows older than this are pruned. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Inbox {
        /** First pause after a failure of our own infrastructure; it doubles up to {@link #maxBackoff()}. */
        @WithDefault("PT0.5S")
        Duration backoff();

        @WithDefault("PT30S")
        Duration maxBackoff();

        /** Attempts of a failure that is neither infrastructure nor a rejection before the event is dead-lettered. */
        @WithDefault("4")
        int attempts();
    }

    interface Timers {
        /** Longest sleep of the poller; it also wakes when a timer is scheduled and when the clock is moved. */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** Timers claimed and fired in one transaction. */
        @WithDefault("200")
        int batchSize();

        /** Attempts of a failing handler before the timer is set aside as failed and dead-lettered. */
        @WithDefault("5")
        int maxAttempts();

        /** Delay before the first retry of a failed timer; it doubles with every attempt. */
        @WithDefault("PT30S")
        Duration retryBackoff();
    }

    interface Clock {
        /** The clock-control endpoints (demos and end-to-end tests only). */
        @WithDefault("false")
        boolean controlEnabled();
    }

    interface Policy {
        /** A policy document that replaces the built-in one (validated at start). */
        Optional<String> file();
    }

    Db db();

    Http http();

    Oidc oidc();

    /** Used by the shared defaults: the address every server binds to. */
    interface Http {
        @WithDefault("127.0.0.1")
        String host();
    }

    /** Used by the shared defaults: the issuer of the bearer tokens (audience vigil-api). */
    interface Oidc {
        @WithDefault("http://127.0.0.1:8180/realms/vigil")
        String issuer();
    }

    interface Kafka {
        @WithDefault("127.0.0.1:9092")
        String bootstrapServers();

        Producer producer();

        /** The one producer of a service (outbox relay, dead letters): idempotent and acks=all always. */
        interface Producer {
            @WithDefault("2")
            int lingerMs();

            /** Upper bound on one send, retries included; below the outbox's ack timeout. */
            @WithDefault("PT10S")
            Duration deliveryTimeout();

            @WithDefault("PT5S")
            Duration requestTimeout();
        }
    }

    /** Used by the datasource URL in the shared defaults. */
    interface Db {
        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("55432")
        int port();

        @WithDefault("vigil-dev")
        String password();
    }
}
