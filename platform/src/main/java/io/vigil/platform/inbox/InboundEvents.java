package io.vigil.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vigil.events.ContractViolation;
import io.vigil.events.EventCodec;
import io.vigil.events.EventPayload;
import io.vigil.events.VigilEvent;
import io.vigil.platform.deadletter.DeadLetters;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * The path of every consumed record: decode against the contract, apply once, never block the partition.
 * A record that breaks the contract, or that the domain rejects, goes to the dead-letter topic with the
 * reason; an unexpected failure is retried a few times with backoff before it is dead-lettered too.
 */
@ApplicationScoped
public class InboundEvents {
    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    private final EventCodec codec;
    private final ProcessedEvents processed;
    private final DeadLetters deadLetters;
    private final int attempts;
    private final Duration backoff;

    public InboundEvents(EventCodec codec, ProcessedEvents processed, DeadLetters deadLetters,
                         @ConfigProperty(name = "vigil.inbox.attempts", defaultValue = "4") int attempts,
                         @ConfigProperty(name = "vigil.inbox.backoff", defaultValue = "PT0.5S") Duration backoff) {
        this.codec = codec;
        this.processed = processed;
        this.deadLetters = deadLetters;
        this.attempts = attempts;
        this.backoff = backoff;
    }

    public void accept(String consumer, ConsumerRecord<String, byte[]> record, EventHandler handler) {
        VigilEvent<EventPayload> event;
        try {
            event = codec.typed(codec.decode(record.headers(), record.value()));
        } catch (ContractViolation e) {
            deadLetters.send(record, consumer, "contract violation: " + e.getMessage());
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (processed.markProcessed(consumer, event.id())) {
                        handler.handle(event);
                    }
                });
                return;
            } catch (RejectedEvent e) {
                deadLetters.send(record, consumer, "rejected: " + e.getMessage());
                return;
            } catch (RuntimeException e) {
                if (attempt >= attempts) {
                    deadLetters.send(record, consumer, "failed after " + attempt + " attempts: " + e);
                    return;
                }
                LOG.warnf("%s: attempt %d for event %s failed, retrying: %s", consumer, attempt, event.id(), e);
                pause(backoff.multipliedBy(attempt));
            }
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
