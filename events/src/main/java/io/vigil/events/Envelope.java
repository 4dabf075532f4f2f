package io.vigil.events;

import java.net.URI;
import java.time.Instant;

/**
 * A CloudEvent as read off the wire, checked for the attributes the contract requires,
 * with its data as compact JSON bytes (the same bytes for the same data, whichever wire mode carried it). Consumers that log every event (audit) stop here;
 * the others turn it into a {@link VigilEvent} with {@link EventCodec#typed(Envelope)}.
 */
public record Envelope(
        String id,
        URI source,
        String type,
        String subject,
        Instant time,
        String actor,
        String correlationId,
        String causationId,
        String traceparent,
        byte[] data) {
}
