package io.vigil.ownership.rest;

import io.vigil.ownership.persistence.ProgramEntity;
import io.vigil.ownership.persistence.ProgramProjector;
import io.vigil.ownership.persistence.ProgramSheet;
import io.vigil.policy.PhasePolicy;
import io.vigil.policy.Role;

import java.time.Instant;
import java.util.List;

/**
 * A programme as the API shows it: its phase, the gate out of it (the approver roles the policy requires, the
 * approvals and standing vetoes so far; null in the last phase), its advances and its rollbacks with their forms.
 */
public record ProgramView(String programId, String name, String phase, boolean generallyAvailable, String createdBy,
                          Instant createdAt, Instant updatedAt, Gate gate, List<ProgramSheet.Advance> advances,
                          List<ProgramSheet.Rollback> rollbacks) {

    /** {@code status}: open, vetoed, or waiting-for-rollback (a rollback awaits approval). */
    public record Gate(String from, String to, String rule, List<String> approvers, List<ProgramSheet.GateApproval> approvals,
                       List<ProgramSheet.GateVeto> vetoes, String status) {
    }

    static ProgramView of(ProgramEntity p, PhasePolicy phases) {
        ProgramSheet sheet = ProgramProjector.read(p.sheet);
        boolean rollbackWaiting = sheet.rollbacks().stream().anyMatch(r -> r.status().equals("awaiting-approval"));
        Gate gate = phases.gates().stream().filter(g -> g.from().equals(p.phase)).findFirst()
                .map(g -> new Gate(g.from(), g.to(), g.ruleId(), g.approvers().stream().map(Role::id).toList(),
                        sheet.approvals(), sheet.vetoes(),
                        rollbackWaiting ? "waiting-for-rollback" : sheet.vetoes().isEmpty() ? "open" : "vetoed"))
                .orElse(null);
        return new ProgramView(p.programId, p.name, p.phase, p.phase.equals(phases.generallyAvailable()), p.createdBy,
                p.createdAt, p.updatedAt, gate, sheet.advances(), sheet.rollbacks());
    }
}
