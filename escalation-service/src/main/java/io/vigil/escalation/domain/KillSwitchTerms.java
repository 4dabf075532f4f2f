package io.vigil.escalation.domain;

import io.vigil.events.DutyRole;
import io.vigil.policy.KillSwitchPolicy;
import io.vigil.policy.Policy;
import io.vigil.policy.PolicyRule;
import io.vigil.policy.Role;
import io.vigil.policy.ScenarioRule;
import io.vigil.policy.ScenarioRule.ApprovalTiming;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authority matrix for one request (seed 001 §2.2 with §5.1): who may activate (the scenario's column; it is the
 * more specific rule), which approvals are required (the union of the action's and the scenario's, each role once,
 * the stricter timing winning: in advance over before activation over after it) and who must be notified by when.
 * In an "activate first" scenario every approval is collected afterwards; one without a deadline of its own is due
 * within the approver's response target (seed 001 §3.1), and without one it has no deadline.
 */
public record KillSwitchTerms(String actionKind, KillSwitchPolicy.ActionRule action, ScenarioRule scenario,
                              List<RequiredApproval> approvals, List<Notice> notices, Policy policy) {

    /** A role that must approve, when, and the rule that asks for it. */
    public record RequiredApproval(DutyRole role, ApprovalTiming timing, Duration within, Duration ahead, PolicyRule rule) {
        /** Before the switch may be in force (it waits); in-advance approvals are also due before the start. */
        public boolean gatesActivation() {
            return timing != ApprovalTiming.AFTER_ACTIVATION;
        }

        /** Its deadline, for a switch in force since {@code activatedAt} (or planned to start at {@code startsAt}); null if none. */
        public Instant dueAt(Instant activatedAt, Instant startsAt) {
            return switch (timing) {
                case AFTER_ACTIVATION -> within == null || activatedAt == null ? null : activatedAt.plus(within);
                case IN_ADVANCE -> startsAt == null ? null : startsAt.minus(ahead);
                case BEFORE_ACTIVATION -> null;
            };
        }
    }

    /** A role to notify: {@code within} after activation, or {@code ahead} of the planned start. */
    public record Notice(DutyRole role, Duration within, Duration ahead) {
        public Instant dueAt(Instant activatedAt, Instant startsAt) {
            return ahead != null && startsAt != null ? startsAt.minus(ahead) : activatedAt.plus(within);
        }
    }

    public static KillSwitchTerms of(Policy policy, KillSwitchRequest request) {
        KillSwitchPolicy ks = policy.killswitch();
        String kind = request.actionKind(ks);
        KillSwitchPolicy.ActionRule action = ks.action(kind);
        ScenarioRule scenario = ks.scenario(request.scenarioId());
        Map<DutyRole, RequiredApproval> approvals = new LinkedHashMap<>();
        for (Role role : action.approve()) {
            DutyRole r = KillSwitchAuthority.dutyRole(role);
            approvals.put(r, scenario.activateFirst()
                    ? new RequiredApproval(r, ApprovalTiming.AFTER_ACTIVATION, responseTarget(policy, role), null, policy.rule(action))
                    : new RequiredApproval(r, ApprovalTiming.BEFORE_ACTIVATION, null, null, policy.rule(action)));
        }
        for (ScenarioRule.Approval a : scenario.approvals()) {
            DutyRole r = KillSwitchAuthority.dutyRole(a.role());
            ApprovalTiming timing = scenario.activateFirst() ? ApprovalTiming.AFTER_ACTIVATION : a.timing();
            approvals.merge(r, new RequiredApproval(r, timing, a.within(), a.ahead(), policy.rule(scenario)), KillSwitchTerms::stricter);
        }
        Map<DutyRole, Notice> notices = new LinkedHashMap<>();
        for (Role role : policy.expand(action.notifyRoles())) {
            notices.put(KillSwitchAuthority.dutyRole(role), new Notice(KillSwitchAuthority.dutyRole(role), Duration.ZERO, null));
        }
        for (ScenarioRule.Notification n : scenario.notifications()) {
            for (Role role : policy.expand(List.of(n.role()))) {
                DutyRole r = KillSwitchAuthority.dutyRole(role);
                Notice notice = n.timing() == ScenarioRule.NotificationTiming.IN_ADVANCE
                        ? new Notice(r, Duration.ZERO, n.ahead()) : new Notice(r, n.within(), null);
                notices.merge(r, notice, (x, y) -> y.ahead() != null || y.within().compareTo(x.within()) < 0 ? y : x);
            }
        }
        return new KillSwitchTerms(kind, action, scenario, List.copyOf(approvals.values()), List.copyOf(notices.values()), policy);
    }

    private static Duration responseTarget(Policy policy, Role role) {
        return policy.oncall().responseTargets().stream().filter(t -> t.role() == role).findFirst()
                .map(io.vigil.policy.OnCallPolicy.ResponseTarget::within).orElse(null);
    }

    private static RequiredApproval stricter(RequiredApproval x, RequiredApproval y) {
        if (rank(x.timing()) != rank(y.timing())) {
            return rank(x.timing()) > rank(y.timing()) ? x : y;
        }
        if (x.within() == null || y.within() == null) {
            return x.within() == null ? y : x;
        }
        return x.within().compareTo(y.within()) <= 0 ? x : y;
    }

    private static int rank(ApprovalTiming timing) {
        return switch (timing) {
            case AFTER_ACTIVATION -> 0;
            case BEFORE_ACTIVATION -> 1;
            case IN_ADVANCE -> 2;
        };
    }

    /** Everyone who may activate: the scenario's column of seed 001 §5.1. */
    public List<Role> activators() {
        return scenario.activate();
    }

    public PolicyRule activationRule() {
        return policy.rule(scenario);
    }

    public List<DutyRole> requiredRoles() {
        List<DutyRole> roles = new ArrayList<>();
        approvals.forEach(a -> roles.add(a.role()));
        return roles;
    }

    public RequiredApproval approval(DutyRole role) {
        return approvals.stream().filter(a -> a.role() == role).findFirst().orElseThrow();
    }

    /** The in-advance lead a planned start must keep (planned maintenance: 24 h); null when none applies. */
    public Duration leadTime() {
        return approvals.stream().filter(a -> a.timing() == ApprovalTiming.IN_ADVANCE).map(RequiredApproval::ahead)
                .max(Duration::compareTo).orElse(null);
    }
}
