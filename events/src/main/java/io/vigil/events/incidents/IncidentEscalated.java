package io.vigil.events.incidents;

import io.vigil.events.EventType;
import io.vigil.events.Severity;
import io.vigil.events.Target;

import java.time.Instant;
import java.util.List;

/**
 * A step of the escalation ladder fired (seed 001 §4.2-4.3), by time or by hand: the targets are paged,
 * notified or asked for a ticket. Subject: {@code incidentId}.
 *
 * @param incidentId the subject
 * @param step index of the step in the severity's ladder; 0 is the page at opening
 * @param minutesAfterOpened the step's place in the ladder, in minutes after incident.opened
 * @param targets role + person; empty for request-ticket
 * @param reason why now: e.g. the primary did not acknowledge, or the reason of a manual escalation (optional)
 * @param escalatedBy username for a manual escalation; null when the ladder fired (optional)
 * @param policyRule id of the policy rule that decided this (DESIGN §3)
 * @param policyVersion version of the policy document that held the rule
 */
public record IncidentEscalated(
        String incidentId,
        Severity severity,
        int step,
        int minutesAfterOpened,
        EscalationAction action,
        List<Target> targets,
        String reason,
        String escalatedBy,
        Instant escalatedAt,
        String policyRule,
        String policyVersion) implements IncidentEvent {

    /** Lists are immutable; an absent list is empty. */
    public IncidentEscalated {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    @Override
    public EventType eventType() {
        return EventType.INCIDENT_ESCALATED;
    }
}
