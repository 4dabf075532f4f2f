package io.vigil.events.killswitch;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vigil.events.DutyRole;
import io.vigil.events.EventType;
import io.vigil.events.Severity;
import io.vigil.events.Target;

import java.time.Instant;
import java.util.List;

/**
 * A kill switch is in force. Carries every field of the activation log (seed 001 §5.2): time, activated by,
 * reason, severity, scope, approvals required (the union of the action's and the scenario's) with their
 * deadline, and who must be notified by when ("all stakeholders" expanded into one target per role). Subject:
 * {@code switchId}.
 *
 * @param switchId the subject
 * @param scope {@code "global"} or {@code "workspace:<id>"}
 * @param durationMinutes planned length of a pause (optional)
 * @param approvalsRequired roles that must approve; empty when none must
 * @param approvals approvals given before activation (optional)
 * @param approvalDueAt deadline of the approvals still missing; null when none are (optional)
 * @param notifyTargets who must be notified, each with a deadline
 * @param policyRule id of the policy rule that decided this (DESIGN §3)
 * @param policyVersion version of the policy document that held the rule
 */
public record KillSwitchActivated(
        String switchId,
        KillSwitchAction action,
        String scope,
        KillSwitchScenario scenario,
        String reason,
        Severity severity,
        String activatedBy,
        Instant activatedAt,
        Integer durationMinutes,
        List<DutyRole> approvalsRequired,
        List<Approval> approvals,
        Instant approvalDueAt,
        @JsonProperty("notify") List<Target> notifyTargets,
        String policyRule,
        String policyVersion) implements KillSwitchEvent {

    /** Lists are immutable; an absent list is empty. */
    public KillSwitchActivated {
        approvalsRequired = approvalsRequired == null ? List.of() : List.copyOf(approvalsRequired);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
        notifyTargets = notifyTargets == null ? List.of() : List.copyOf(notifyTargets);
    }

    @Override
    public EventType eventType() {
        return EventType.KILLSWITCH_ACTIVATED;
    }
}
