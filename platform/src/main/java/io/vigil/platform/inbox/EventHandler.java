package io.vigil.platform.inbox;

import io.vigil.events.EventPayload;
import io.vigil.events.VigilEvent;

/** Applies one event; runs inside the transaction that also records the event as processed. */
@FunctionalInterface
public interface EventHandler {
    void handle(VigilEvent<EventPayload> event);
}
