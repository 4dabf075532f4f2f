package io.vigil.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vigil.events.ContractViolation;
import io.vigil.events.EventCodec;
import io.vigil.events.EventPayload;
import io.vigil.events.VigilEvent;
import io.vigil.platform.config.VigilConfig;
import io.vigil.platform.deadletter.DeadLetters;
import io.vigil.platform.domain.RuleViolation;
import io.vigil.platform.metrics.PlatformMeters;
import io.vigil.platform.resilience.OutageRetry;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The path of every consumed record: decode against the contract, apply once, never lose it.
 * <ul>
 * <li>A record that breaks the contract, or that the domain rejects, can never succeed: it goes to the
 * dead-letter topic with the reason, and the partition moves on.</li>
 * <li>A fault of our own infrastructure (database or broker down, a conflicting writer) is not the record's
 * fault: it is retried with growing pauses for as long as it lasts, the offset is not committed meanwhile,
 * and the readiness check says the consumer is degraded.</li>
 * <li>Anything else, while the infrastructure answers, is tried {@code vigil.inbox.attempts} times and then
 * dead-lettered with the error, so that one bad event cannot stop a partition for good.</li>
 * </ul>
 */
@ApplicationScoped
public class InboundEvents {
    private final EventCodec codec;
    private final ProcessedEvents processed;
    private final DeadLetters deadLetters;
    private final OutageRetry retry;
    private final int attempts;
    private final PlatformMeters meters;

    public InboundEvents(EventCodec codec, ProcessedEvents processed, DeadLetters deadLetters, OutageRetry retry,
                         VigilConfig config, PlatformMeters meters) {
        this.codec = codec;
        this.processed = processed;
        this.deadLetters = deadLetters;
        this.retry = retry;
        this.attempts = config.inbox().attempts();
        this.meters = meters;
    }

    public void accept(String consumer, ConsumerRecord<String, byte[]> record, EventHandler handler) {
        VigilEvent<EventPayload> event;
        try {
            event = codec.typed(codec.decode(record.headers(), record.value()));
        } catch (ContractViolation e) {
            deadLetter(consumer, record, "contract violation: " + e.getMessage());
            return;
        }
        AtomicInteger unexplained = new AtomicInteger();
        try {
            retry.untilDone(consumer, () -> applyOnce(consumer, event, handler),
                    failure -> !isRejection(failure)
                            && (retry.isOutage(failure) || unexplained.incrementAndGet() < attempts));
        } catch (RejectedEvent | RuleViolation e) {
            deadLetter(consumer, record, "rejected: " + e.getMessage());
        } catch (RuntimeException e) {
            deadLetter(consumer, record, "failed after " + attempts + " attempts: " + e);
        }
    }

    private Void applyOnce(String consumer, VigilEvent<EventPayload> event, EventHandler handler) {
        boolean applied = QuarkusTransaction.requiringNew().call(() -> {
            if (processed.markProcessed(consumer, event.id())) {
                handler.handle(event);
                return true;
            }
            return false;
        });
        if (applied) {
            meters.applied(consumer, event.type().typeName());
        } else {
            meters.redelivered(consumer, event.type().typeName());
        }
        return null;
    }

    private static boolean isRejection(Throwable failure) {
        return failure instanceof RejectedEvent || failure instanceof RuleViolation;
    }

    /** A dead letter is never the record's fault to send: a broker that is down is waited for. */
    private void deadLetter(String consumer, ConsumerRecord<String, byte[]> record, String reason) {
        retry.untilDone(consumer + " (dead letters)", () -> {
            deadLetters.send(record, consumer, reason);
            return null;
        }, failure -> true);
    }
}
