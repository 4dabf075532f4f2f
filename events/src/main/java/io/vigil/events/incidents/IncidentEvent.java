package io.vigil.events.incidents;

import io.vigil.events.EventPayload;

/**
 * Events of topic {@code vigil.incidents}; the subject (and Kafka key) is the incident id.
 */
public sealed interface IncidentEvent extends EventPayload permits
        IncidentOpened,
        IncidentAcknowledged,
        IncidentEscalated,
        IncidentSeverityChanged,
        IncidentUpdateDue,
        IncidentResolved {
    /** The subject of the event and the Kafka key. */
    String incidentId();
}
