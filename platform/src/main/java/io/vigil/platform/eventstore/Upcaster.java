package io.vigil.platform.eventstore;

import io.vigil.events.Envelope;

/**
 * Turns a stored event of an older type into the current one when it is read back (a CDI bean per change).
 * Stored events are never rewritten: the event store and the audit log keep what was written, and a service
 * that wants one model reads old versions through its upcasters (events/README.md, "Changing a type").
 */
public interface Upcaster {
    /** The type name this upcaster reads, e.g. {@code vigil.deploy.started.v1}. */
    String fromType();

    /** The same event as a newer type; may return another type an upcaster of its own reads further. */
    Envelope upcast(Envelope stored);
}
