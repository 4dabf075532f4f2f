package io.vigil.events;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * A Vigil event: the CloudEvents attributes the contract requires, its extensions, and typed data.
 * {@code subject} is the aggregate id and the Kafka key.
 */
public record VigilEvent<T extends EventPayload>(
        String id,
        URI source,
        String subject,
        Instant time,
        String actor,
        String correlationId,
        String causationId,
        String traceparent,
        T payload) {

    public EventType type() {
        return payload.eventType();
    }

    public String topic() {
        return type().topic();
    }

    /** A new event with a fresh id; correlation defaults to the event itself. */
    public static <T extends EventPayload> VigilEvent<T> of(URI source, String subject, Instant time, String actor,
                                                            String causationId, String correlationId, T payload) {
        String id = UUID.randomUUID().toString();
        return new VigilEvent<>(id, source, subject, time, actor,
                correlationId != null ? correlationId : id, causationId, null, payload);
    }

    /** A new event caused by {@code cause}: same correlation, causation = the cause's id. */
    public <U extends EventPayload> VigilEvent<U> causes(URI source, String subject, Instant time, String actor, U payload) {
        return of(source, subject, time, actor, id, correlationId, payload);
    }
}
