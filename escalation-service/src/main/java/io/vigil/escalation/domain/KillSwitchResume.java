package io.vigil.escalation.domain;

import io.vigil.events.DutyRole;
import io.vigil.events.killswitch.Approval;
import io.vigil.events.killswitch.KillSwitchResumeSigned;
import io.vigil.events.killswitch.KillSwitchResumed;
import io.vigil.events.killswitch.Verification;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.domain.RuleViolation;
import io.vigil.policy.KillSwitchPolicy;
import io.vigil.policy.Policy;
import io.vigil.policy.PolicyRule;
import io.vigil.policy.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Lifting a switch (seed 001 §5.3): the resume rule of what it stopped (a switch of scenario data-corruption is a
 * data-integrity event whatever its action) names every role that must sign and the checks each signer confirms. Each
 * signature but the last is {@code killswitch.resume-signed}; the last is {@code killswitch.resumed}.
 */
final class KillSwitchResume {
    static final String NOT_ACTIVE = "killswitch.resume";
    private static final Map<String, Function<Verification, Boolean>> CHECKS = Map.of(
            "testUploadPassed", Verification::testUploadPassed,
            "metricsChecked", Verification::metricsChecked,
            "revalidationPassed", Verification::revalidationPassed,
            "investigationComplete", Verification::investigationComplete);

    private KillSwitchResume() {
    }

    static KillSwitchPolicy.ResumeRule rule(KillSwitch s, Policy policy) {
        boolean dataIntegrity = s.request().scenario() == io.vigil.events.killswitch.KillSwitchScenario.DATA_CORRUPTION;
        return policy.killswitch().resumeOf(dataIntegrity ? "data-integrity-event" : s.request().actionKind(policy.killswitch()));
    }

    static Decision resume(KillSwitch s, KillSwitchAuthority who, Verification verification, Policy policy, Instant now) {
        if (s.status() != KillSwitch.Status.ACTIVE) {
            throw new RuleViolation(NOT_ACTIVE, "kill switch " + s.id() + " is " + KillSwitchActivation.status(s)
                    + "; only a switch in force can be resumed");
        }
        KillSwitchPolicy.ResumeRule rule = rule(s, policy);
        PolicyRule decidedBy = policy.rule(rule);
        List<Role> unsigned = rule.by().stream().filter(r -> s.resumeSignatures().stream()
                .noneMatch(a -> a.role() == KillSwitchAuthority.dutyRole(r) || r == Role.ON_CALL && onCall(a.role()))).toList();
        if (s.resumeSignatures().stream().anyMatch(a -> a.by().equals(who.username()))) {
            throw new RuleViolation(rule.ruleId(), who.username() + " signed the resume of " + s.id() + " already; it waits for "
                    + names(unsigned));
        }
        Role role = unsigned.stream().filter(who::holds).findFirst().orElseThrow(() -> RuleViolation.forbidden(rule.ruleId(),
                who.username() + " may not resume kill switch " + s.id() + ": its resume needs " + names(unsigned)
                        + (unsigned.contains(Role.ON_CALL) ? " (on-call: the primary or secondary at this instant)" : "")));
        List<String> unchecked = rule.verification().stream()
                .filter(name -> verification == null || !Boolean.TRUE.equals(CHECKS.get(name).apply(verification))).toList();
        if (!unchecked.isEmpty()) {
            throw new RuleViolation(rule.ruleId(), "resuming kill switch " + s.id() + " needs verification "
                    + String.join(", ", unchecked) + " to be true");
        }
        DutyRole as = who.capacity(role).orElseThrow();
        List<Role> remaining = unsigned.stream().filter(r -> r != role).toList();
        if (!remaining.isEmpty()) {
            return Decision.by(decidedBy, new KillSwitchResumeSigned(s.id(), who.username(), as, verification, now,
                    remaining.stream().map(KillSwitchAuthority::dutyRole).toList(), decidedBy.ruleId(), decidedBy.policyVersion()));
        }
        List<Approval> authorizedBy = new ArrayList<>(s.resumeSignatures());
        authorizedBy.add(new Approval(who.username(), as, now));
        return Decision.by(decidedBy, new KillSwitchResumed(s.id(), who.username(), authorizedBy, verification, now, null,
                        decidedBy.ruleId(), decidedBy.policyVersion()))
                .cancel(KillSwitch.APPROVAL_DUE_TIMER).cancel(KillSwitch.EXPIRY_TIMER);
    }

    private static boolean onCall(DutyRole role) {
        return role == DutyRole.ON_CALL_PRIMARY || role == DutyRole.ON_CALL_SECONDARY;
    }

    private static String names(List<Role> roles) {
        return String.join(" + ", roles.stream().map(Role::id).toList());
    }
}
