package io.vigil.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Duration;
import java.util.List;

/**
 * The platform's counters for an operator (README "Monitoring in front"): events stored and applied, dead letters by reason,
 * timers fired and how late. Meters are tagged {@code service} by {@link MetricsSetup}. Counts of work done in a
 * transaction move when it commits, never for a rolled-back attempt.
 */
@ApplicationScoped
public class PlatformMeters {
    /** Dead-letter reasons as a small set of values (the full reason text is on the dead letter itself). */
    public enum DeadLetterReason {
        CONTRACT_VIOLATION("contract-violation"),
        REJECTED("rejected"),
        FAILED_AFTER_ATTEMPTS("failed-after-attempts"),
        TIMER_FAILED("timer-failed"),
        UNUSABLE_REQUEST("unusable-request"),
        OTHER("other");

        private final String tag;

        DeadLetterReason(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }

        /** The reason of a dead letter sent for a consumed record, from the reason text InboundEvents writes. */
        public static DeadLetterReason ofRecord(String reason) {
            if (reason == null) {
                return OTHER;
            }
            if (reason.startsWith("contract violation")) {
                return CONTRACT_VIOLATION;
            }
            if (reason.startsWith("rejected")) {
                return REJECTED;
            }
            if (reason.startsWith("failed after")) {
                return FAILED_AFTER_ATTEMPTS;
            }
            return OTHER;
        }

        /** The reason of a dead letter of the service's own making, from its origin (timer, an HTTP endpoint). */
        public static DeadLetterReason ofOwn(String origin) {
            if ("timer".equals(origin)) {
                return TIMER_FAILED;
            }
            return origin != null && origin.startsWith("http:") ? UNUSABLE_REQUEST : OTHER;
        }
    }

    public static final String EVENTS_STORED = "vigil.events.stored";
    public static final String EVENTS_APPLIED = "vigil.events.applied";
    public static final String EVENTS_REDELIVERED = "vigil.events.redelivered";
    public static final String DEAD_LETTERS = "vigil.dead.letters";
    public static final String TIMERS_FIRED = "vigil.timers.fired";

    private static final Duration[] LATENESS_BUCKETS = {Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1)};

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    public PlatformMeters(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    /** Events appended to the event store in the current transaction (decided or received), counted when it commits. */
    public void storedOnCommit(String aggregateType, List<String> eventTypes) {
        afterCommit(() -> eventTypes.forEach(type -> Counter.builder(EVENTS_STORED)
                .description("Events appended to this service's event store (decided here or received), by aggregate and event type")
                .tag("aggregate", aggregateType).tag("type", type).register(registry).increment()));
    }

    /** A consumed event whose effect committed. */
    public void applied(String consumer, String eventType) {
        Counter.builder(EVENTS_APPLIED)
                .description("Consumed events applied (their effect committed), by consumer and event type")
                .tag("consumer", consumer).tag("type", eventType).register(registry).increment();
    }

    /** A consumed event that had been applied already (a redelivery): nothing done. */
    public void redelivered(String consumer, String eventType) {
        Counter.builder(EVENTS_REDELIVERED)
                .description("Consumed events recognised as already applied (redeliveries), by consumer and event type")
                .tag("consumer", consumer).tag("type", eventType).register(registry).increment();
    }

    /** A dead letter the broker acknowledged. */
    public void deadLettered(String consumer, DeadLetterReason reason) {
        Counter.builder(DEAD_LETTERS)
                .description("Records and timers sent to vigil.dead-letter, by consumer and reason")
                .tag("consumer", consumer == null ? "" : consumer).tag("reason", reason.tag()).register(registry).increment();
    }

    /** A timer that fired (its transaction committed), {@code lateness} after its due time by the service's clock. */
    public void timerFired(String kind, Duration lateness) {
        Timer.builder(TIMERS_FIRED)
                .description("Timers fired, by kind, and how late after their due time (service clock)")
                .tag("kind", kind).serviceLevelObjectives(LATENESS_BUCKETS)
                .register(registry).record(lateness.isNegative() ? Duration.ZERO : lateness);
    }

    private void afterCommit(Runnable count) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count.run();
                }
            }
        });
    }
}
