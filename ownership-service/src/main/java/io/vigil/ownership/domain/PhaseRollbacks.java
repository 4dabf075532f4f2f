package io.vigil.ownership.domain;

import io.vigil.events.DutyRole;
import io.vigil.events.ownership.PhaseApproval;
import io.vigil.events.ownership.PhaseRollbackApproved;
import io.vigil.events.ownership.PhaseRollbackRequested;
import io.vigil.events.ownership.PhaseRolledBack;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.domain.RuleViolation;
import io.vigil.policy.PhasePolicy.RollbackForm;
import io.vigil.policy.PhasePolicy.RollbackRule;
import io.vigil.policy.Policy;
import io.vigil.policy.Role;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Seed 001 §6.3-6.4: who decides a phase rollback of each type (one of the rule's {@code authorize} roles, on-call
 * being the roster's primary or secondary at that instant), whose approval it then needs (each {@code approve} role,
 * never the authorizer's own), and the sign-off form it records. An immediate type, or one that needs no approval,
 * takes effect at once; the others wait, and take effect with the approval that completes them.
 */
final class PhaseRollbacks {

    static Decision request(Program p, PhaseRollbackForm form, ProgramActor actor, Policy policy, Instant now) {
        RollbackRule rule = policy.phases().rollbackOf(form.type());
        if (p.pending() != null) {
            PhaseRollbackRequested waiting = p.pending().request();
            throw new RuleViolation(rule.ruleId(), "rollback " + waiting.rollbackId() + " to " + waiting.to()
                    + " waits for approval already; approve it before asking for another");
        }
        DutyRole authorizedAs = actor.firstHeld(rule.authorize()).orElseThrow(() -> RuleViolation.forbidden(rule.ruleId(),
                "a rollback of type " + rule.type() + " is decided by " + PhaseRoles.spelt(rule.authorize())
                        + (rule.authorize().contains(Role.ON_CALL) ? " (on-call: primary or secondary at this instant)" : "")
                        + "; " + actor.username() + " is none of these now"));
        List<String> order = policy.phases().order();
        if (!order.contains(form.toPhase())) {
            throw new IllegalArgumentException("no phase " + form.toPhase() + " in the policy");
        }
        if (order.indexOf(form.toPhase()) >= order.indexOf(p.phase())) {
            throw new RuleViolation(rule.ruleId(), "a rollback goes to an earlier phase: " + p.programId() + " is in "
                    + p.phase() + ", and " + form.toPhase() + " is not before it");
        }
        checkForm(form, policy.phases().rollbackForm(), now);
        String rollbackId = p.nextRollbackId();
        List<DutyRole> approvals = PhaseRoles.duties(rule.approve());
        List<DutyRole> inform = PhaseRoles.audience(rule.inform(), policy);
        if (rule.immediate() || approvals.isEmpty()) {
            return Decision.by(policy.rule(rule), new PhaseRolledBack(p.programId(), rollbackId, p.phase(), form.toPhase(),
                    rule.type(), form.reasonCategory(), form.reason(), actor.username(), authorizedAs, List.of(),
                    form.investigationAssignee(), form.reRampTarget(), form.clientCommunication(), inform,
                    PhaseRoles.audience(rule.notifyAfter(), policy), now, rule.ruleId(), policy.version()));
        }
        return Decision.by(policy.rule(rule), new PhaseRollbackRequested(p.programId(), rollbackId, p.phase(), form.toPhase(),
                rule.type(), form.reasonCategory(), form.reason(), actor.username(), authorizedAs, approvals,
                form.investigationAssignee(), form.reRampTarget(), form.clientCommunication(), inform, now,
                rule.ruleId(), policy.version()));
    }

    static Decision approve(Program p, String rollbackId, ProgramActor actor, Policy policy, Instant now) {
        if (!p.rollbacks().containsKey(rollbackId)) {
            throw new IllegalArgumentException("programme " + p.programId() + " has no rollback " + rollbackId);
        }
        RollbackRule rule = policy.phases().rollbackOf(p.rollbacks().get(rollbackId));
        Program.PendingRollback pending = p.pending();
        if (pending == null || !pending.request().rollbackId().equals(rollbackId)) {
            throw new RuleViolation(rule.ruleId(), "rollback " + rollbackId + " of " + p.programId()
                    + " took effect already; there is nothing to approve");
        }
        PhaseRollbackRequested request = pending.request();
        if (request.authorizedBy().equals(actor.username())) {
            throw RuleViolation.forbidden(rule.ruleId(), actor.username() + " authorized rollback " + rollbackId
                    + " and cannot approve it too; it needs " + PhaseRoles.spelt(rule.approve()));
        }
        if (pending.approvals().stream().anyMatch(a -> a.by().equals(actor.username()))) {
            throw new RuleViolation(rule.ruleId(), actor.username() + " approved rollback " + rollbackId + " already");
        }
        Set<DutyRole> given = pending.approvals().stream().map(PhaseApproval::role).collect(Collectors.toSet());
        List<Role> open = rule.approve().stream().filter(r -> !given.contains(PhaseRoles.duty(r))).toList();
        DutyRole role = actor.firstHeld(open).orElseThrow(() -> RuleViolation.forbidden(rule.ruleId(),
                "rollback " + rollbackId + " (" + rule.type() + ") waits for the approval of " + PhaseRoles.spelt(open)
                        + "; " + actor.username() + " holds none of these roles"));
        PhaseRollbackApproved approved = new PhaseRollbackApproved(p.programId(), rollbackId, actor.username(), role, now,
                rule.ruleId(), policy.version());
        List<PhaseApproval> approvals = new ArrayList<>(pending.approvals());
        approvals.add(new PhaseApproval(actor.username(), role, now));
        if (open.size() > 1) {
            return Decision.by(policy.rule(rule), approved);
        }
        return Decision.by(policy.rule(rule), approved, new PhaseRolledBack(p.programId(), rollbackId, request.from(),
                request.to(), request.type(), request.reasonCategory(), request.reason(), request.authorizedBy(),
                request.authorizedByRole(), approvals, request.investigationAssignee(), request.reRampTarget(),
                request.clientCommunication(), request.inform(), PhaseRoles.audience(rule.notifyAfter(), policy), now,
                rule.ruleId(), policy.version()));
    }

    /** §6.4: a reason category of the form, a reason, client communication answered, a re-ramp target not in the past. */
    private static void checkForm(PhaseRollbackForm form, RollbackForm rules, Instant now) {
        List<String> errors = new ArrayList<>();
        if (!rules.reasonCategories().contains(form.reasonCategory())) {
            errors.add("reasonCategory must be one of " + String.join(", ", rules.reasonCategories()));
        }
        if (form.reason() == null || form.reason().isBlank()) {
            errors.add("reason is required");
        }
        if (form.clientCommunication() == null) {
            errors.add("clientCommunication must be required or not-required");
        }
        if (form.reRampTarget() != null && form.reRampTarget().isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
            errors.add("reRampTarget " + form.reRampTarget() + " is in the past");
        }
        if (!errors.isEmpty()) {
            throw new RuleViolation(rules.ruleId(), "the rollback sign-off form is incomplete: " + String.join("; ", errors));
        }
    }

    private PhaseRollbacks() {
    }
}
