package io.vigil.events.ownership;

import io.vigil.events.DutyRole;
import io.vigil.events.EventType;

import java.time.Instant;

/**
 * An approver of the gate vetoed it: the programme cannot advance through it until that approver withdraws the veto
 * (seed 001 §6.1). Subject: {@code programId}.
 *
 * @param policyRule {@code phase.veto}
 */
public record PhaseGateVetoed(
        String programId,
        String fromPhase,
        String toPhase,
        String by,
        DutyRole role,
        String reason,
        Instant vetoedAt,
        String policyRule,
        String policyVersion) implements OwnershipEvent {

    @Override
    public EventType eventType() {
        return EventType.PHASE_GATE_VETOED;
    }
}
