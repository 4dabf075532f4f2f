package io.vigil.platform.eventstore;

import io.vigil.events.VigilEvent;

/** Who or what a decision answers: a person's request, or an event (another system's, or a timer's). */
public sealed interface Cause {
    static Cause actor(String actor) {
        return new Actor(actor);
    }

    static Cause event(VigilEvent<?> event) {
        return new Event(event);
    }

    /** A request of a person or service account: the events share a new correlation id. */
    record Actor(String actor) implements Cause {
    }

    /** An event that caused the decision: its correlation carries on and it is the causation. */
    record Event(VigilEvent<?> event) implements Cause {
    }
}
