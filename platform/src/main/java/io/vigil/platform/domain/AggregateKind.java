package io.vigil.platform.domain;

import io.vigil.events.EventPayload;

/**
 * How one kind of aggregate is rebuilt from its events: a name (the {@code aggregate_type} of its rows),
 * the state before any event, and how one event changes the state. Plain Java; the versions are counted by
 * the event store, never by the aggregate.
 */
public interface AggregateKind<S> {
    String name();

    S initial(String id);

    S apply(S state, EventPayload event);
}
