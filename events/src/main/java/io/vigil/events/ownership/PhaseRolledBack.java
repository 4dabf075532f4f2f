package io.vigil.events.ownership;

import io.vigil.events.DutyRole;
import io.vigil.events.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The programme was rolled back {@code from} → {@code to} with the whole sign-off form of seed 001 §6.4: authorized
 * (and, where the type requires it, approved) per §6.3. Subject: {@code programId}.
 *
 * @param approvedBy    the approvals given, none for an emergency rollback
 * @param inform        the roles informed of the decision (§6.3 "Consultation")
 * @param notifyAfter   the roles to notify now that it is done (emergency: all stakeholders)
 * @param policyRule    the type's rule, e.g. {@code phase.rollback.emergency}
 */
public record PhaseRolledBack(
        String programId,
        String rollbackId,
        String from,
        String to,
        String type,
        String reasonCategory,
        String reason,
        String authorizedBy,
        DutyRole authorizedByRole,
        List<PhaseApproval> approvedBy,
        String investigationAssignee,
        LocalDate reRampTarget,
        ClientCommunication clientCommunication,
        List<DutyRole> inform,
        List<DutyRole> notifyAfter,
        Instant rolledBackAt,
        String policyRule,
        String policyVersion) implements OwnershipEvent {

    public PhaseRolledBack {
        approvedBy = approvedBy == null ? List.of() : List.copyOf(approvedBy);
        inform = inform == null ? List.of() : List.copyOf(inform);
        notifyAfter = notifyAfter == null ? List.of() : List.copyOf(notifyAfter);
    }

    @Override
    public EventType eventType() {
        return EventType.PHASE_ROLLED_BACK;
    }
}
