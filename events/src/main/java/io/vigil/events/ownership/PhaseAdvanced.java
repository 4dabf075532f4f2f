package io.vigil.events.ownership;

import io.vigil.events.EventType;

import java.time.Instant;
import java.util.List;

/**
 * The programme moved {@code from} → {@code to}: every approver of the gate approved and no veto stands
 * (seed 001 §6.1). Subject: {@code programId}.
 *
 * @param approvers           the approvals the gate collected, one per approver role
 * @param generallyAvailable  true when {@code to} is the GA phase ({@code P4})
 * @param policyRule          the gate's rule, e.g. {@code phase.gate.P3-P4}
 */
public record PhaseAdvanced(
        String programId,
        String from,
        String to,
        List<PhaseApproval> approvers,
        boolean generallyAvailable,
        Instant advancedAt,
        String policyRule,
        String policyVersion) implements OwnershipEvent {

    public PhaseAdvanced {
        approvers = approvers == null ? List.of() : List.copyOf(approvers);
    }

    @Override
    public EventType eventType() {
        return EventType.PHASE_ADVANCED;
    }
}
