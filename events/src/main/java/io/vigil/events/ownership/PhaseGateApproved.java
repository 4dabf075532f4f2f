package io.vigil.events.ownership;

import io.vigil.events.DutyRole;
import io.vigil.events.EventType;

import java.time.Instant;

/**
 * An approver of the gate {@code fromPhase} → {@code toPhase} approved it (seed 001 §6.1). Subject: {@code programId}.
 *
 * @param by   username of the approver
 * @param role the gate's approver role they approved as
 * @param policyRule the gate's rule, e.g. {@code phase.gate.P1-P2}
 */
public record PhaseGateApproved(
        String programId,
        String fromPhase,
        String toPhase,
        String by,
        DutyRole role,
        String comment,
        Instant approvedAt,
        String policyRule,
        String policyVersion) implements OwnershipEvent {

    @Override
    public EventType eventType() {
        return EventType.PHASE_GATE_APPROVED;
    }
}
