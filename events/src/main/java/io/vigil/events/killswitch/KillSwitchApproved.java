package io.vigil.events.killswitch;

import io.vigil.events.DutyRole;
import io.vigil.events.EventType;

import java.time.Instant;
import java.util.List;

/**
 * A required approval of a kill switch was given. Subject: {@code switchId}.
 *
 * @param switchId the subject
 * @param by username of the approver
 * @param role the role they approved as
 * @param comment (optional)
 * @param remainingApprovals roles whose approval is still missing (optional)
 */
public record KillSwitchApproved(
        String switchId,
        String by,
        DutyRole role,
        String comment,
        List<DutyRole> remainingApprovals,
        Instant approvedAt) implements KillSwitchEvent {

    /** Lists are immutable; an absent list is empty. */
    public KillSwitchApproved {
        remainingApprovals = remainingApprovals == null ? List.of() : List.copyOf(remainingApprovals);
    }

    @Override
    public EventType eventType() {
        return EventType.KILLSWITCH_APPROVED;
    }
}
