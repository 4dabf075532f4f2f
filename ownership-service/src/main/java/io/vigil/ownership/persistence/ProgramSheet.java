package io.vigil.ownership.persistence;

import io.vigil.events.DutyRole;
import io.vigil.events.ownership.ClientCommunication;
import io.vigil.events.ownership.PhaseApproval;
import io.vigil.events.ownership.PhaseGateApproved;
import io.vigil.events.ownership.PhaseGateVetoed;
import io.vigil.events.ownership.PhaseRollbackRequested;
import io.vigil.events.ownership.PhaseRolledBack;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a programme's events say beyond its phase, as the read side keeps it: the approvals and standing vetoes of the
 * gate out of the current phase, every advance, and every rollback with its sign-off form. Copied from the events.
 */
public record ProgramSheet(List<GateApproval> approvals, List<GateVeto> vetoes, List<Advance> advances, List<Rollback> rollbacks) {
    public static final ProgramSheet EMPTY = new ProgramSheet(List.of(), List.of(), List.of(), List.of());

    public ProgramSheet {
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
        vetoes = vetoes == null ? List.of() : List.copyOf(vetoes);
        advances = advances == null ? List.of() : List.copyOf(advances);
        rollbacks = rollbacks == null ? List.of() : List.copyOf(rollbacks);
    }

    public record GateApproval(String toPhase, String by, DutyRole role, String comment, Instant at, String policyRule) {
        static GateApproval of(PhaseGateApproved a) {
            return new GateApproval(a.toPhase(), a.by(), a.role(), a.comment(), a.approvedAt(), a.policyRule());
        }
    }

    public record GateVeto(String toPhase, String by, DutyRole role, String reason, Instant at, String policyRule) {
        static GateVeto of(PhaseGateVetoed v) {
            return new GateVeto(v.toPhase(), v.by(), v.role(), v.reason(), v.vetoedAt(), v.policyRule());
        }
    }

    public record Advance(String from, String to, List<PhaseApproval> approvers, boolean generallyAvailable, Instant at,
                          String policyRule, String policyVersion) {
    }

    /** A rollback and its sign-off form (seed 001 §6.4); {@code status} is awaiting-approval or rolled-back. */
    public record Rollback(String rollbackId, String status, String from, String to, String type, String reasonCategory,
                           String reason, String authorizedBy, DutyRole authorizedByRole, List<DutyRole> approvalsRequired,
                           List<PhaseApproval> approvedBy, String investigationAssignee, LocalDate reRampTarget,
                           ClientCommunication clientCommunication, List<DutyRole> inform, List<DutyRole> notifyAfter,
                           Instant requestedAt, Instant rolledBackAt, String policyRule, String policyVersion) {

        static Rollback requested(PhaseRollbackRequested r) {
            return new Rollback(r.rollbackId(), "awaiting-approval", r.from(), r.to(), r.type(), r.reasonCategory(),
                    r.reason(), r.authorizedBy(), r.authorizedByRole(), r.approvalsRequired(), List.of(),
                    r.investigationAssignee(), r.reRampTarget(), r.clientCommunication(), r.inform(), List.of(),
                    r.requestedAt(), null, r.policyRule(), r.policyVersion());
        }

        static Rollback done(PhaseRolledBack r, Instant requestedAt, List<DutyRole> approvalsRequired) {
            return new Rollback(r.rollbackId(), "rolled-back", r.from(), r.to(), r.type(), r.reasonCategory(), r.reason(),
                    r.authorizedBy(), r.authorizedByRole(), approvalsRequired, r.approvedBy(), r.investigationAssignee(),
                    r.reRampTarget(), r.clientCommunication(), r.inform(), r.notifyAfter(), requestedAt, r.rolledBackAt(),
                    r.policyRule(), r.policyVersion());
        }

        Rollback withApproval(PhaseApproval approval) {
            List<PhaseApproval> all = new ArrayList<>(approvedBy);
            all.add(approval);
            return new Rollback(rollbackId, status, from, to, type, reasonCategory, reason, authorizedBy, authorizedByRole,
                    approvalsRequired, all, investigationAssignee, reRampTarget, clientCommunication, inform, notifyAfter,
                    requestedAt, rolledBackAt, policyRule, policyVersion);
        }
    }
}
