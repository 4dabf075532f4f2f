package io.vigil.events.ownership;

import io.vigil.events.DutyRole;
import io.vigil.events.EventType;

import java.time.Instant;

/**
 * One of the approvals a pending phase rollback needs was given (seed 001 §6.3). Subject: {@code programId}.
 *
 * @param policyRule the rollback type's rule, e.g. {@code phase.rollback.planned}
 */
public record PhaseRollbackApproved(
        String programId,
        String rollbackId,
        String by,
        DutyRole role,
        Instant approvedAt,
        String policyRule,
        String policyVersion) implements OwnershipEvent {

    @Override
    public EventType eventType() {
        return EventType.PHASE_ROLLBACK_APPROVED;
    }
}
