package io.vigil.ownership.domain;

import io.vigil.events.DutyRole;
import io.vigil.events.ownership.PhaseAdvanced;
import io.vigil.events.ownership.PhaseApproval;
import io.vigil.events.ownership.PhaseGateApproved;
import io.vigil.events.ownership.PhaseGateVetoed;
import io.vigil.events.ownership.PhaseVetoWithdrawn;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.domain.RuleViolation;
import io.vigil.policy.PhasePolicy.Gate;
import io.vigil.policy.Policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Seed 001 §6.1: a programme advances through a gate when every approver role of the gate has approved and no
 * approver's veto stands; only the gate out of the current phase is open (no skipping); a veto is withdrawn only by
 * the approver who cast it. The advance happens with the approval, or the withdrawal, that completes the gate.
 * One person gives one approval per gate, in the first of the gate's roles they hold that has not approved yet.
 */
final class PhaseGates {

    static Decision approve(Program p, String toPhase, ProgramActor actor, String comment, Policy policy, Instant now) {
        Gate gate = openGate(p, toPhase, policy);
        List<DutyRole> roles = approverRoles(gate, actor, gate.ruleId());
        if (p.vetoes().containsKey(actor.username())) {
            throw new RuleViolation(gate.ruleId(), actor.username() + " vetoed gate " + name(gate)
                    + "; withdraw the veto before approving it");
        }
        if (p.approvals().stream().anyMatch(a -> a.by().equals(actor.username()))) {
            throw new RuleViolation(gate.ruleId(), actor.username() + " approved gate " + name(gate)
                    + " already; its other approvers are " + missing(gate, p.approvals()));
        }
        Set<DutyRole> given = given(p.approvals());
        DutyRole role = roles.stream().filter(r -> !given.contains(r)).findFirst().orElseThrow(() ->
                new RuleViolation(gate.ruleId(), "gate " + name(gate) + " has the approval of " + roles.stream()
                        .map(PhaseRoles::id).collect(Collectors.joining(", "))
                        + " already; it waits for " + missing(gate, p.approvals())));
        PhaseGateApproved approved = new PhaseGateApproved(p.programId(), gate.from(), gate.to(), actor.username(), role,
                comment, now, gate.ruleId(), policy.version());
        List<PhaseApproval> approvals = new ArrayList<>(p.approvals());
        approvals.add(new PhaseApproval(actor.username(), role, now));
        if (complete(gate, approvals) && p.vetoes().isEmpty()) {
            return Decision.by(policy.rule(gate), approved, advance(p, gate, approvals, policy, now));
        }
        return Decision.by(policy.rule(gate), approved);
    }

    static Decision veto(Program p, String toPhase, ProgramActor actor, String reason, Policy policy, Instant now) {
        Gate gate = openGate(p, toPhase, policy);
        String vetoRule = policy.phases().veto().ruleId();
        List<DutyRole> roles = approverRoles(gate, actor, vetoRule);
        if (p.vetoes().containsKey(actor.username())) {
            throw new RuleViolation(vetoRule, actor.username() + " vetoed gate " + name(gate) + " already");
        }
        return Decision.by(policy.rule(policy.phases().veto()), new PhaseGateVetoed(p.programId(), gate.from(), gate.to(),
                actor.username(), roles.getFirst(), reason, now, vetoRule, policy.version()));
    }

    static Decision withdraw(Program p, String toPhase, ProgramActor actor, Policy policy, Instant now) {
        Gate gate = openGate(p, toPhase, policy);
        String vetoRule = policy.phases().veto().ruleId();
        PhaseGateVetoed veto = p.vetoes().get(actor.username());
        if (veto == null) {
            if (p.vetoes().isEmpty()) {
                throw new RuleViolation(vetoRule, "gate " + name(gate) + " has no veto to withdraw");
            }
            throw RuleViolation.forbidden(vetoRule, "only the approver who cast a veto may withdraw it; the veto on gate "
                    + name(gate) + " was cast by " + String.join(", ", p.vetoes().keySet()));
        }
        PhaseVetoWithdrawn withdrawn = new PhaseVetoWithdrawn(p.programId(), gate.from(), gate.to(), actor.username(),
                veto.role(), now, vetoRule, policy.version());
        if (complete(gate, p.approvals()) && p.vetoes().size() == 1) {
            return Decision.by(policy.rule(policy.phases().veto()), withdrawn, advance(p, gate, p.approvals(), policy, now));
        }
        return Decision.by(policy.rule(policy.phases().veto()), withdrawn);
    }

    /** The gate into {@code toPhase}, if it is the one out of the programme's phase. */
    private static Gate openGate(Program p, String toPhase, Policy policy) {
        if (!p.exists()) {
            throw new IllegalStateException("programme " + p.programId() + " does not exist");
        }
        Gate gate = policy.phases().gateTo(toPhase);
        if (p.pending() != null) {
            throw new RuleViolation(policy.phases().rollbackOf(p.pending().request().type()).ruleId(), "rollback "
                    + p.pending().request().rollbackId() + " to " + p.pending().request().to()
                    + " waits for approval; the gates stay closed until it is approved");
        }
        if (!gate.from().equals(p.phase())) {
            List<String> order = policy.phases().order();
            String why = order.indexOf(p.phase()) >= order.indexOf(gate.to())
                    ? "it is in " + p.phase() + " already"
                    : "it is in " + p.phase() + ", and phases advance one at a time: the open gate is " + openGateName(p, policy);
            throw new RuleViolation(gate.ruleId(), "gate " + name(gate) + " is not open for " + p.programId() + ": " + why);
        }
        return gate;
    }

    private static String openGateName(Program p, Policy policy) {
        return policy.phases().gates().stream().filter(g -> g.from().equals(p.phase())).findFirst()
                .map(PhaseGates::name).orElse("none (" + p.phase() + " is the last phase)");
    }

    private static List<DutyRole> approverRoles(Gate gate, ProgramActor actor, String rule) {
        List<DutyRole> roles = actor.held(gate.approvers());
        if (roles.isEmpty()) {
            throw RuleViolation.forbidden(rule, "gate " + name(gate) + " is approved or vetoed by "
                    + PhaseRoles.spelt(gate.approvers()) + "; " + actor.username() + " holds none of these roles");
        }
        return roles;
    }

    private static PhaseAdvanced advance(Program p, Gate gate, List<PhaseApproval> approvals, Policy policy, Instant now) {
        return new PhaseAdvanced(p.programId(), gate.from(), gate.to(), approvals,
                gate.to().equals(policy.phases().generallyAvailable()), now, gate.ruleId(), policy.version());
    }

    private static boolean complete(Gate gate, List<PhaseApproval> approvals) {
        return given(approvals).containsAll(PhaseRoles.duties(gate.approvers()));
    }

    private static Set<DutyRole> given(List<PhaseApproval> approvals) {
        return approvals.stream().map(PhaseApproval::role).collect(Collectors.toSet());
    }

    private static String missing(Gate gate, List<PhaseApproval> approvals) {
        Set<DutyRole> given = given(approvals);
        String names = gate.approvers().stream().filter(r -> !given.contains(PhaseRoles.duty(r)))
                .map(r -> r.id()).collect(Collectors.joining(", "));
        return names.isEmpty() ? "none" : names;
    }

    static String name(Gate gate) {
        return gate.from() + "→" + gate.to();
    }

    private PhaseGates() {
    }
}
