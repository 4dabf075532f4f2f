package io.vigil.escalation.rest;

import io.vigil.escalation.persistence.IncidentReadModel;

import java.time.Instant;
import java.util.List;

/** An incident as {@code GET /incidents} shows it; with its alerts and timeline on {@code GET /incidents/{id}}. */
public record IncidentView(String incidentId, String service, String title, String severity, String status, String scope,
                           String deployId, String deployOwner, Instant openedAt, String policyRule, String policyVersion,
                           String acknowledgedBy, Instant acknowledgedAt, String resolvedBy, Instant resolvedAt,
                           String rootCause, String resolution, List<IncidentReadModel.AlertRow> alerts,
                           List<IncidentReadModel.TimelineRow> timeline) {

    static IncidentView of(IncidentReadModel.IncidentRow r, List<IncidentReadModel.AlertRow> alerts,
                           List<IncidentReadModel.TimelineRow> timeline) {
        return new IncidentView(r.incidentId(), r.service(), r.title(), r.severity(), r.status(), r.scope(), r.deployId(),
                r.deployOwner(), r.openedAt(), r.policyRule(), r.policyVersion(), r.acknowledgedBy(), r.acknowledgedAt(),
                r.resolvedBy(), r.resolvedAt(), r.rootCause(), r.resolution(), alerts, timeline);
    }
}
