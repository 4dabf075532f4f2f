package io.vigil.platform.eventstore;

import io.vigil.events.EventPayload;
import io.vigil.events.VigilEvent;
import jakarta.enterprise.context.ApplicationScoped;
import io.vigil.platform.config.VigilConfig;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Wraps what an aggregate decided into envelopes: this service as source, the clock's time, who and what caused it. */
@ApplicationScoped
public class NewEvents {
    private final URI source;
    private final Clock clock;

    public NewEvents(VigilConfig config, Clock clock) {
        this.source = config.source();
        this.clock = clock;
    }

    /** Envelopes for what a decision answering {@code cause} decided. */
    public List<VigilEvent<EventPayload>> answering(Cause cause, String subject, List<? extends EventPayload> payloads) {
        return switch (cause) {
            case Cause.Actor a -> byActor(subject, a.actor(), payloads);
            case Cause.Event e -> causedBy(e.event(), subject, payloads);
        };
    }

    /** Events caused by a request of {@code actor}: they share one correlation id, the first event's. */
    public List<VigilEvent<EventPayload>> byActor(String subject, String actor, List<? extends EventPayload> payloads) {
        Instant now = clock.instant();
        String correlation = null;
        List<VigilEvent<EventPayload>> events = new java.util.ArrayList<>();
        for (EventPayload payload : payloads) {
            VigilEvent<EventPayload> e = VigilEvent.of(source, subject, now, actor, null, correlation, payload);
            correlation = e.correlationId();
            events.add(e);
        }
        return events;
    }

    /** Events caused by another event: its correlation carries on, and it is their causation. */
    public List<VigilEvent<EventPayload>> causedBy(VigilEvent<?> cause, String subject, List<? extends EventPayload> payloads) {
        Instant now = clock.instant();
        return payloads.stream()
                .map(p -> cause.<EventPayload>causes(source, subject, now, cause.actor(), p))
                .toList();
    }
}
