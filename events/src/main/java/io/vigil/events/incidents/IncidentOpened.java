package io.vigil.events.incidents;

import io.vigil.events.EventType;
import io.vigil.events.Severity;

import java.time.Instant;
import java.util.List;

/**
 * Alerts became an incident; its severity was classified by a policy rule (seed 001 §4.1) and the escalation
 * ladder starts now. Subject: {@code incidentId}.
 *
 * @param incidentId the subject
 * @param severityReasons the signals that gave the severity (optional)
 * @param scope {@code "global"} or {@code "workspace:<id>"} (optional)
 * @param deployId the deploy whose window is open on the service, if any (optional)
 * @param deployOwner that window's owner: the incident's ingestion owner (optional)
 * @param policyRule id of the policy rule that decided this (DESIGN §3)
 * @param policyVersion version of the policy document that held the rule
 */
public record IncidentOpened(
        String incidentId,
        String service,
        String title,
        Severity severity,
        List<String> severityReasons,
        List<String> alertKeys,
        String scope,
        String deployId,
        String deployOwner,
        Instant openedAt,
        String policyRule,
        String policyVersion) implements IncidentEvent {

    /** Lists are immutable; an absent list is empty. */
    public IncidentOpened {
        severityReasons = severityReasons == null ? List.of() : List.copyOf(severityReasons);
        alertKeys = alertKeys == null ? List.of() : List.copyOf(alertKeys);
    }

    @Override
    public EventType eventType() {
        return EventType.INCIDENT_OPENED;
    }
}
