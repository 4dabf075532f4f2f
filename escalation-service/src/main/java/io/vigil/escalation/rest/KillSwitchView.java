package io.vigil.escalation.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.escalation.persistence.KillSwitchReadModel.SwitchRow;
import io.vigil.escalation.persistence.KillSwitchReadModel.TimelineRow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A kill switch as GET /kill-switches/{id} shows it: the activation log's fields, approvals, resume signatures, timeline. */
public record KillSwitchView(String switchId, String status, String action, String scope, String scenario, String reason,
                             String severity, String requestedBy, Instant requestedAt, Integer durationMinutes, Instant startsAt,
                             Instant endsAt, String activatedBy, Instant activatedAt, JsonNode approvalsRequired,
                             List<Given> approvals, Instant approvalDueAt, boolean approvalOverdue, @JsonProperty("notify") JsonNode notifyTargets,
                             String rejectionReason, List<Given> resumeSignatures, String resumedBy, Instant resumedAt,
                             String resumeReason, String policyRule, String policyVersion, List<TimelineRow> timeline) {

    /** An approval or a resume signature: who, in which role, when. */
    public record Given(String by, String role, Instant at) {
    }

    static KillSwitchView of(SwitchRow r, List<TimelineRow> timeline) {
        Instant endsAt = r.activatedAt() == null || r.durationMinutes() == null ? null
                : r.activatedAt().plus(Duration.ofMinutes(r.durationMinutes()));
        return new KillSwitchView(r.switchId(), r.status(), r.action(), r.scope(), r.scenario(), r.reason(), r.severity(),
                r.requestedBy(), r.requestedAt(), r.durationMinutes(), r.startsAt(), endsAt, r.activatedBy(), r.activatedAt(),
                r.approvalsRequired(), given(timeline, "vigil.killswitch.approved.v1"), r.approvalDueAt(), r.approvalOverdue(),
                r.notifyTargets(), r.rejectionReason(), given(timeline, "vigil.killswitch.resume-signed.v1"), r.resumedBy(),
                r.resumedAt(), r.resumeReason(), r.policyRule(), r.policyVersion(), timeline);
    }

    private static List<Given> given(List<TimelineRow> timeline, String type) {
        return timeline.stream().filter(t -> t.type().equals(type)).map(t -> new Given(t.by(), t.role(), t.at())).toList();
    }
}
