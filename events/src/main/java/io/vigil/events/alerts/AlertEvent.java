package io.vigil.events.alerts;

import io.vigil.events.EventPayload;

/**
 * Events of topic {@code vigil.alerts}; the subject (and Kafka key) is the alert key (dedup key).
 */
public sealed interface AlertEvent extends EventPayload permits
        AlertRaised,
        AlertResolved {
    /** The subject of the event and the Kafka key. */
    String alertKey();
}
