package io.vigil.notification.domain;

import io.vigil.events.Severity;
import io.vigil.events.incidents.EscalationAction;

import java.time.Instant;
import java.util.List;

/**
 * What this service knows of an incident from the events it received; the messages are filled in from it.
 * Fields are null until an event said them (an incident opened before this service listened has no title).
 */
public record IncidentFacts(
        String incidentId,
        String service,
        String title,
        Severity severity,
        List<String> severityReasons,
        String scope,
        String deployId,
        String deployOwner,
        Instant openedAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        Integer lastStep,
        EscalationAction lastAction,
        List<String> lastEscalatedRoles,
        boolean resolved) {

    public IncidentFacts {
        severityReasons = severityReasons == null ? List.of() : List.copyOf(severityReasons);
        lastEscalatedRoles = lastEscalatedRoles == null ? List.of() : List.copyOf(lastEscalatedRoles);
    }

    public static IncidentFacts unknown(String incidentId) {
        return new IncidentFacts(incidentId, null, null, null, List.of(), null, null, null, null, null, null, null,
                null, List.of(), false);
    }

    IncidentFacts opened(String service, String title, Severity severity, List<String> reasons, String scope,
                         String deployId, String deployOwner, Instant openedAt) {
        return new IncidentFacts(incidentId, service, title, severity, reasons, scope, deployId, deployOwner, openedAt,
                acknowledgedBy, acknowledgedAt, lastStep, lastAction, lastEscalatedRoles, resolved);
    }

    IncidentFacts acknowledged(String by, Instant at) {
        return new IncidentFacts(incidentId, service, title, severity, severityReasons, scope, deployId, deployOwner,
                openedAt, by, at, lastStep, lastAction, lastEscalatedRoles, resolved);
    }

    IncidentFacts escalated(Severity severity, int step, EscalationAction action, List<String> roles) {
        return new IncidentFacts(incidentId, service, title, severity, severityReasons, scope, deployId, deployOwner,
                openedAt, acknowledgedBy, acknowledgedAt, step, action, roles, resolved);
    }

    IncidentFacts withSeverity(Severity severity) {
        return new IncidentFacts(incidentId, service, title, severity, severityReasons, scope, deployId, deployOwner,
                openedAt, acknowledgedBy, acknowledgedAt, lastStep, lastAction, lastEscalatedRoles, resolved);
    }

    IncidentFacts closed(Severity severity, Instant openedAt) {
        return new IncidentFacts(incidentId, service, title, severity, severityReasons, scope, deployId, deployOwner,
                this.openedAt == null ? openedAt : this.openedAt, acknowledgedBy, acknowledgedAt, lastStep, lastAction,
                lastEscalatedRoles, true);
    }
}
