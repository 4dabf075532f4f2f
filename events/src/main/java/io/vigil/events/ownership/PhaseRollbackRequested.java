package io.vigil.events.ownership;

import io.vigil.events.DutyRole;
import io.vigil.events.EventType;

import java.time.LocalDate;
import java.time.Instant;
import java.util.List;

/**
 * A phase rollback was authorized and waits for the approvals its type requires (seed 001 §6.3); the programme stays
 * in {@code from} until they are given. Carries the sign-off form of §6.4 as filled in so far. Subject: {@code programId}.
 *
 * @param rollbackId         {@code rb-<n>}, numbered within the programme
 * @param type               the rollback type of the policy: {@code emergency}, {@code p1-incident}, {@code planned}, {@code client-request}
 * @param reasonCategory     one of the form's categories, e.g. {@code error-rate-exceeded}
 * @param authorizedByRole   the role the authorizer acted in (on-call is the roster's duty at that instant)
 * @param approvalsRequired  the roles whose approval is still needed
 * @param reRampTarget       the re-ramp target date, if known
 * @param inform             the roles informed of the decision
 * @param policyRule         the type's rule, e.g. {@code phase.rollback.planned}
 */
public record PhaseRollbackRequested(
        String programId,
        String rollbackId,
        String from,
        String to,
        String type,
        String reasonCategory,
        String reason,
        String authorizedBy,
        DutyRole authorizedByRole,
        List<DutyRole> approvalsRequired,
        String investigationAssignee,
        LocalDate reRampTarget,
        ClientCommunication clientCommunication,
        List<DutyRole> inform,
        Instant requestedAt,
        String policyRule,
        String policyVersion) implements OwnershipEvent {

    public PhaseRollbackRequested {
        approvalsRequired = approvalsRequired == null ? List.of() : List.copyOf(approvalsRequired);
        inform = inform == null ? List.of() : List.copyOf(inform);
    }

    @Override
    public EventType eventType() {
        return EventType.PHASE_ROLLBACK_REQUESTED;
    }
}
