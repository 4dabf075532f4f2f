package io.vigil.events.incidents;

import io.vigil.events.EventType;
import io.vigil.events.Severity;

import java.time.Instant;

/**
 * The incident was resolved; its timers stop. Subject: {@code incidentId}.
 *
 * @param incidentId the subject
 * @param severity severity at resolution
 * @param durationSeconds resolvedAt - openedAt
 */
public record IncidentResolved(
        String incidentId,
        Severity severity,
        String resolvedBy,
        String rootCause,
        String resolution,
        Instant openedAt,
        Instant resolvedAt,
        long durationSeconds) implements IncidentEvent {

    @Override
    public EventType eventType() {
        return EventType.INCIDENT_RESOLVED;
    }
}
