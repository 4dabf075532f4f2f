package io.vigil.events.incidents;

import io.vigil.events.EventType;

import java.time.Instant;

/**
 * Someone on the ladder acknowledged the incident; the "not acknowledged" escalations stop. Subject: {@code
 * incidentId}.
 *
 * @param incidentId the subject
 */
public record IncidentAcknowledged(
        String incidentId,
        String acknowledgedBy,
        Instant acknowledgedAt) implements IncidentEvent {

    @Override
    public EventType eventType() {
        return EventType.INCIDENT_ACKNOWLEDGED;
    }
}
