package io.vigil.escalation.domain;

import io.vigil.events.DutyRole;
import io.vigil.events.Target;
import io.vigil.events.killswitch.KillSwitchActivated;
import io.vigil.events.killswitch.KillSwitchApproved;
import io.vigil.events.killswitch.KillSwitchRejected;
import io.vigil.events.killswitch.KillSwitchRequested;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.domain.RuleViolation;
import io.vigil.policy.Policy;
import io.vigil.policy.PolicyRule;
import io.vigil.policy.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** How a switch comes into force: the request weighed against the authority matrix, its approvals, a planned start. */
final class KillSwitchActivation {
    static final String APPROVALS_RULE = "killswitch.approvals";

    private KillSwitchActivation() {
    }

    static Decision request(KillSwitch s, KillSwitchRequest r, KillSwitchAuthority who, Policy policy, Instant now) {
        KillSwitchTerms terms = KillSwitchTerms.of(policy, r);
        KillSwitchRequested requested = new KillSwitchRequested(s.id(), r.action(), r.scope(), r.scenario(), r.reason(),
                r.severity(), who.username(), r.durationMinutes(), r.startsAt(), now);
        Duration lead = terms.leadTime();
        if (lead != null && Duration.between(now, r.startsAt()).compareTo(lead) < 0) {
            return rejected(requested, terms.activationRule(), "a " + r.scenarioId() + " must be requested at least "
                    + lead.toHours() + " h before it starts (" + r.startsAt() + ")", now);
        }
        if (terms.activators().stream().noneMatch(who::holds)) {
            return rejected(requested, terms.activationRule(), who.username() + " may not activate a " + r.scenarioId()
                    + " kill switch: only " + names(terms.activators()) + " may" + onCallNote(terms.activators()), now);
        }
        KillSwitch pending = KillSwitch.KIND.apply(s, requested);
        if (terms.approvals().stream().anyMatch(KillSwitchTerms.RequiredApproval::gatesActivation)) {
            Decision waits = Decision.by(terms.activationRule(), requested);
            Instant due = lead == null ? null : r.startsAt().minus(lead);
            // "at least 24 h ahead": an approval at the deadline's very instant is in time, a millisecond later is not
            return due == null ? waits : waits.schedule(KillSwitch.APPROVAL_DUE_TIMER, due.plusMillis(1), due.toString());
        }
        return activation(pending, terms, who.duty(), now, List.of(requested));
    }

    static Decision approve(KillSwitch s, KillSwitchAuthority who, String comment, Policy policy, Instant now) {
        if (s.status() != KillSwitch.Status.PENDING_APPROVAL && s.status() != KillSwitch.Status.ACTIVE) {
            throw new RuleViolation(APPROVALS_RULE, "kill switch " + s.id() + " is " + status(s) + "; it takes no more approvals");
        }
        KillSwitchTerms terms = s.terms(policy);
        List<DutyRole> outstanding = s.outstanding(terms);
        if (outstanding.isEmpty()) {
            throw new RuleViolation(APPROVALS_RULE, "kill switch " + s.id() + " has every approval it needs already");
        }
        DutyRole role = outstanding.stream().filter(r -> who.holds(Role.valueOf(r.name()))).findFirst().orElseThrow(() ->
                RuleViolation.forbidden(terms.approval(outstanding.get(0)).rule().ruleId(), who.username()
                        + " may not approve kill switch " + s.id() + ": it waits for " + roles(outstanding)));
        KillSwitchTerms.RequiredApproval required = terms.approval(role);
        Instant due = required.dueAt(s.activatedAt(), s.request().startsAt());
        if (required.timing() == io.vigil.policy.ScenarioRule.ApprovalTiming.IN_ADVANCE && now.isAfter(due)) {
            throw new RuleViolation(required.rule().ruleId(), "the " + role.name().toLowerCase().replace('_', '-')
                    + " approval of a " + s.request().scenarioId() + " was due by " + due + ", " + required.ahead().toHours()
                    + " h before its start");
        }
        List<DutyRole> remaining = outstanding.stream().filter(r -> r != role).toList();
        KillSwitchApproved approved = new KillSwitchApproved(s.id(), who.username(), role, comment, remaining, now);
        KillSwitch after = KillSwitch.KIND.apply(s, approved);
        boolean gated = after.outstanding(terms).stream().anyMatch(r -> terms.approval(r).gatesActivation());
        if (s.status() == KillSwitch.Status.ACTIVE || gated) {
            Decision d = Decision.by(required.rule(), approved);
            return remaining.isEmpty() ? d.cancel(KillSwitch.APPROVAL_DUE_TIMER) : d;
        }
        if (s.request().startsAt() != null && s.request().startsAt().isAfter(now)) {
            return Decision.by(required.rule(), approved).cancel(KillSwitch.APPROVAL_DUE_TIMER)
                    .schedule(KillSwitch.START_TIMER, s.request().startsAt(), "");
        }
        return activation(after, terms, who.duty(), now, List.of(approved)).cancel(KillSwitch.APPROVAL_DUE_TIMER);
    }

    static Decision startDue(KillSwitch s, Policy policy, Duty duty, Instant now) {
        KillSwitchTerms terms = s.terms(policy);
        if (s.status() != KillSwitch.Status.PENDING_APPROVAL
                || s.outstanding(terms).stream().anyMatch(r -> terms.approval(r).gatesActivation())) {
            return Decision.nothing();
        }
        return activation(s, terms, duty, now, List.of());
    }

    /** In force now: the activation log's fields, the approvals still to collect with their deadlines, who to notify by when. */
    private static Decision activation(KillSwitch s, KillSwitchTerms terms, Duty duty, Instant now, List<io.vigil.events.EventPayload> before) {
        KillSwitchRequest r = s.request();
        List<DutyRole> outstanding = s.outstanding(terms);
        TreeSet<Instant> deadlines = new TreeSet<>();
        outstanding.forEach(role -> Optional.ofNullable(terms.approval(role).dueAt(now, r.startsAt())).ifPresent(deadlines::add));
        List<Target> notify = new ArrayList<>();
        for (KillSwitchTerms.Notice n : terms.notices()) {
            Instant due = n.dueAt(now, r.startsAt());
            List<String> people = duty.holders(Role.valueOf(n.role().name()));
            if (people.isEmpty()) {
                notify.add(new Target(n.role(), null, due));
            }
            people.forEach(p -> notify.add(new Target(n.role(), p, due)));
        }
        PolicyRule rule = terms.activationRule();
        KillSwitchActivated activated = new KillSwitchActivated(s.id(), r.action(), r.scope(), r.scenario(), r.reason(),
                r.severity(), s.requestedBy(), now, r.durationMinutes(), terms.requiredRoles(), s.approvals(),
                deadlines.isEmpty() ? null : deadlines.first(), notify, rule.ruleId(), rule.policyVersion());
        List<io.vigil.events.EventPayload> events = new ArrayList<>(before);
        events.add(activated);
        Decision d = new Decision(events, List.of(), rule);
        for (Instant due : deadlines) {
            d = d.schedule(KillSwitch.APPROVAL_DUE_TIMER, due, due.toString());
        }
        return r.duration() == null ? d : d.schedule(KillSwitch.EXPIRY_TIMER, now.plus(r.duration()), "");
    }

    private static Decision rejected(KillSwitchRequested requested, PolicyRule rule, String why, Instant now) {
        return Decision.by(rule, requested, new KillSwitchRejected(requested.switchId(), requested.action(), requested.scope(),
                requested.scenario(), requested.requestedBy(), why, now, rule.ruleId(), rule.policyVersion()));
    }

    static String status(KillSwitch s) {
        return s.status().name().toLowerCase().replace('_', '-');
    }

    static String roles(List<DutyRole> roles) {
        return String.join(" + ", roles.stream().map(r -> r.name().toLowerCase().replace('_', '-')).toList());
    }

    private static String names(List<Role> roles) {
        return String.join(" or ", roles.stream().map(Role::id).toList());
    }

    private static String onCallNote(List<Role> roles) {
        return roles.contains(Role.ON_CALL) ? " (on-call: the primary or secondary at this instant)" : "";
    }
}
