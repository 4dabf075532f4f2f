package io.vigil.ownership.domain;

import io.vigil.events.DutyRole;
import io.vigil.events.Target;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.events.ownership.ChecklistItem;
import io.vigil.events.ownership.DeployFlagged;
import io.vigil.platform.domain.RuleViolation;
import io.vigil.policy.DeploySchedule;
import io.vigil.policy.OwnershipPolicy.PreDeployItem;
import io.vigil.policy.Policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a production deploy is flagged for at its start: gaps in the pre-deploy checklist and avoided slots of the
 * deployment schedule. Flagged and notified (owner, then the ingestion owner), not refused — unless the policy's
 * schedule says {@code effect: refuse}. Other environments are not governed by these rules.
 */
public final class DeployFlags {
    private DeployFlags() {
    }

    public static boolean isProduction(String environment) {
        return "production".equalsIgnoreCase(environment) || "prod".equalsIgnoreCase(environment);
    }

    public static Optional<DeployFlagged> at(DeployStarted started, String owner, Map<String, Boolean> answers,
                                             String releaseType, boolean emergency, Policy policy) {
        if (!isProduction(started.environment())) {
            return Optional.empty();
        }
        List<PreDeployItem> items = policy.ownership().preDeploy();
        List<ChecklistItem> gate = PreDeployGate.assess(started, answers, items);
        List<String> violations = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (PreDeployItem gap : PreDeployGate.gaps(gate, items)) {
            violations.add(gap.ruleId());
            reasons.add(gap.ruleId() + ": \"" + gap.text() + "\" (seed " + gap.seed() + ") is not confirmed");
        }
        DeploySchedule schedule = policy.ownership().schedule();
        List<DeploymentSchedule.Violation> slots = DeploymentSchedule.violations(started.startedAt(), releaseType, emergency, schedule);
        if (!slots.isEmpty() && schedule.effect() == DeploySchedule.Effect.REFUSE) {
            throw new RuleViolation(slots.getFirst().ruleId(), slots.getFirst().reason());
        }
        slots.forEach(v -> {
            violations.add(v.ruleId());
            reasons.add(v.reason());
        });
        if (violations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeployFlagged(started.deployId(), started.service(), started.environment(), owner, gate,
                violations, reasons, emergency, releaseType,
                List.of(new Target(DutyRole.DEPLOY_OWNER, owner, null), new Target(DutyRole.INGESTION_OWNER, null, null)),
                started.startedAt(), violations.getFirst(), policy.version()));
    }
}
