package io.vigil.escalation.domain;

import io.vigil.events.DutyRole;
import io.vigil.events.Target;
import io.vigil.events.killswitch.KillSwitchApprovalOverdue;
import io.vigil.events.killswitch.KillSwitchRejected;
import io.vigil.events.killswitch.KillSwitchResumed;
import io.vigil.events.killswitch.Verification;
import io.vigil.platform.domain.Decision;
import io.vigil.policy.NamedRule;
import io.vigil.policy.OnCallPolicy;
import io.vigil.policy.Policy;
import io.vigil.policy.PolicyRule;
import io.vigil.policy.Role;
import io.vigil.policy.ScenarioRule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The switch's timers: an approval deadline that passed with approvals missing is {@code killswitch.approval-overdue},
 * escalated to the missing approvers again and to whom their response target escalates (seed 001 §3.1: the ingestion
 * owner to the SRE lead); a planned maintenance whose in-advance approval is missing cannot start and is refused; a
 * pause of fixed length ends by itself ({@code killswitch.resumed}, reason {@code expired}).
 */
final class KillSwitchDeadlines {
    static final NamedRule EXPIRED = new NamedRule("killswitch.expired");

    private KillSwitchDeadlines() {
    }

    static Decision approvalDue(KillSwitch s, Instant deadline, Policy policy, Duty duty, Instant now) {
        if (s.status() != KillSwitch.Status.ACTIVE && s.status() != KillSwitch.Status.PENDING_APPROVAL) {
            return Decision.nothing();
        }
        KillSwitchTerms terms = s.terms(policy);
        List<DutyRole> missing = s.outstanding(terms).stream().filter(r -> {
            Instant due = terms.approval(r).dueAt(s.activatedAt(), s.request().startsAt());
            return due != null && !due.isAfter(deadline);
        }).toList();
        if (missing.isEmpty()) {
            return Decision.nothing();
        }
        PolicyRule rule = terms.approval(missing.get(0)).rule();
        boolean active = s.status() == KillSwitch.Status.ACTIVE;
        KillSwitchApprovalOverdue overdue = new KillSwitchApprovalOverdue(s.id(), missing, deadline, active,
                escalateTo(missing, policy, duty, now), rule.ruleId(), rule.policyVersion());
        boolean cannotStart = !active && missing.stream()
                .anyMatch(r -> terms.approval(r).timing() == ScenarioRule.ApprovalTiming.IN_ADVANCE);
        if (!cannotStart) {
            return Decision.by(rule, overdue);
        }
        KillSwitchRequest r = s.request();
        return Decision.by(rule, overdue, new KillSwitchRejected(s.id(), r.action(), r.scope(), r.scenario(), s.requestedBy(),
                        "the " + KillSwitchActivation.roles(missing) + " approval was not given by " + deadline
                                + "; the " + r.scenarioId() + " cannot start at " + r.startsAt(), now, rule.ruleId(), rule.policyVersion()))
                .cancel(KillSwitch.START_TIMER);
    }

    static Decision expiryDue(KillSwitch s, Policy policy, Instant now) {
        if (s.status() != KillSwitch.Status.ACTIVE) {
            return Decision.nothing();
        }
        PolicyRule rule = policy.rule(EXPIRED);
        return Decision.by(rule, new KillSwitchResumed(s.id(), KillSwitch.SERVICE_ACTOR, List.of(),
                        new Verification(null, null, null, null), now, "expired", rule.ruleId(), rule.policyVersion()))
                .cancel(KillSwitch.APPROVAL_DUE_TIMER);
    }

    /** The missing approvers (due at once) and whom their response target escalates to. */
    private static List<Target> escalateTo(List<DutyRole> missing, Policy policy, Duty duty, Instant now) {
        Set<Role> roles = new LinkedHashSet<>();
        for (DutyRole r : missing) {
            Role role = Role.valueOf(r.name());
            roles.add(role);
            policy.oncall().responseTargets().stream().filter(t -> t.role() == role).findFirst()
                    .map(OnCallPolicy.ResponseTarget::escalatesTo).ifPresent(roles::add);
        }
        List<Target> targets = new ArrayList<>();
        for (Role role : roles) {
            List<String> people = duty.holders(role);
            DutyRole as = KillSwitchAuthority.dutyRole(role);
            if (people.isEmpty()) {
                targets.add(new Target(as, null, now));
            }
            people.forEach(p -> targets.add(new Target(as, p, now)));
        }
        return targets;
    }
}
