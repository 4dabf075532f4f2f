package io.vigil.events;

/**
 * The data of a Vigil event. Every payload record names its type, which fixes its topic
 * and its JSON Schema; see {@link EventType}.
 */
public interface EventPayload {
    EventType eventType();
}
