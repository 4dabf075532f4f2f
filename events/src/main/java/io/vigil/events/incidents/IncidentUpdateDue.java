package io.vigil.events.incidents;

import io.vigil.events.EventType;
import io.vigil.events.Severity;

import java.time.Instant;

/**
 * An incident update is due (every 30 min until resolved, seed 001 §7.1). Subject: {@code incidentId}.
 *
 * @param incidentId the subject
 * @param updateNumber 1 for the first update after opening
 * @param onCall username expected to post the update: the on-call primary (optional)
 * @param policyRule id of the policy rule that decided this (DESIGN §3)
 * @param policyVersion version of the policy document that held the rule
 */
public record IncidentUpdateDue(
        String incidentId,
        Severity severity,
        int updateNumber,
        String onCall,
        Instant dueAt,
        String policyRule,
        String policyVersion) implements IncidentEvent {

    @Override
    public EventType eventType() {
        return EventType.INCIDENT_UPDATE_DUE;
    }
}
