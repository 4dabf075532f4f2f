package io.vigil.events.ownership;

import io.vigil.events.DutyRole;
import io.vigil.events.EventType;

import java.time.Instant;

/**
 * The approver who vetoed a gate withdrew the veto. Subject: {@code programId}.
 *
 * @param by the approver who cast the veto
 * @param policyRule {@code phase.veto}
 */
public record PhaseVetoWithdrawn(
        String programId,
        String fromPhase,
        String toPhase,
        String by,
        DutyRole role,
        Instant withdrawnAt,
        String policyRule,
        String policyVersion) implements OwnershipEvent {

    @Override
    public EventType eventType() {
        return EventType.PHASE_VETO_WITHDRAWN;
    }
}
