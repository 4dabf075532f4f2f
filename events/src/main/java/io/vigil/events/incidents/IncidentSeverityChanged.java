package io.vigil.events.incidents;

import io.vigil.events.EventType;
import io.vigil.events.Severity;

import java.time.Instant;

/**
 * The incident's severity changed, by hand or because new signals classified it higher; the ladder of the new
 * severity applies from here. Subject: {@code incidentId}.
 *
 * @param incidentId the subject
 * @param changedBy username when changed by hand; null when a rule raised it (optional)
 * @param policyRule the rule that raised it; null when changed by hand (optional)
 * @param policyVersion (optional)
 */
public record IncidentSeverityChanged(
        String incidentId,
        Severity from,
        Severity to,
        String reason,
        String changedBy,
        Instant changedAt,
        String policyRule,
        String policyVersion) implements IncidentEvent {

    @Override
    public EventType eventType() {
        return EventType.INCIDENT_SEVERITY_CHANGED;
    }
}
