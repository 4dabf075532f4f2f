package io.vigil.platform.eventstore;

import io.vigil.events.EventPayload;
import io.vigil.events.VigilEvent;

/** An event as the event store holds it: its place in the store, its aggregate and the version it gave it. */
public record StoredEvent(long position, String aggregateType, String aggregateId, int version, VigilEvent<EventPayload> event) {
    public EventPayload payload() {
        return event.payload();
    }
}
