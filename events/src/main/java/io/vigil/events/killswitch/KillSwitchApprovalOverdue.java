package io.vigil.events.killswitch;

import io.vigil.events.DutyRole;
import io.vigil.events.EventType;
import io.vigil.events.Target;

import java.time.Instant;
import java.util.List;

/**
 * Required approvals of a kill switch were not given by their deadline; the switch is escalated. Subject:
 * {@code switchId}.
 *
 * @param switchId the subject
 * @param approvalDueAt the deadline that passed; the moment it became overdue
 * @param active true if the switch is already in force (activate first), false if it waits for the approvals
 * @param escalateTo (optional)
 * @param policyRule id of the policy rule that decided this (DESIGN §3)
 * @param policyVersion version of the policy document that held the rule
 */
public record KillSwitchApprovalOverdue(
        String switchId,
        List<DutyRole> missingApprovals,
        Instant approvalDueAt,
        boolean active,
        List<Target> escalateTo,
        String policyRule,
        String policyVersion) implements KillSwitchEvent {

    /** Lists are immutable; an absent list is empty. */
    public KillSwitchApprovalOverdue {
        missingApprovals = missingApprovals == null ? List.of() : List.copyOf(missingApprovals);
        escalateTo = escalateTo == null ? List.of() : List.copyOf(escalateTo);
    }

    @Override
    public EventType eventType() {
        return EventType.KILLSWITCH_APPROVAL_OVERDUE;
    }
}
