package io.vigil.ownership.domain;

import io.vigil.events.deploys.DeployStarted;
import io.vigil.events.ownership.ChecklistItem;
import io.vigil.policy.OwnershipPolicy.PreDeployItem;

import java.util.List;
import java.util.Map;

/**
 * The pre-deploy checklist of seeds 000 and 002, recorded on the deploy: the staging report and the rollback plan
 * are answered by the deploy itself, the other items by whoever registers it. An item not confirmed is a gap —
 * flagged, not refused: the deploy is already happening.
 */
public final class PreDeployGate {
    private PreDeployGate() {
    }

    public static List<ChecklistItem> assess(DeployStarted started, Map<String, Boolean> answers, List<PreDeployItem> items) {
        return items.stream().map(item -> switch (item.answeredBy() == null ? "" : item.answeredBy()) {
            case "deploy-staging-report" -> new ChecklistItem(item.item(), started.stagingReportPassed(), null, true);
            case "deploy-rollback-plan" -> new ChecklistItem(item.item(),
                    started.rollbackPlanUrl() != null && !started.rollbackPlanUrl().isBlank(), null, true);
            default -> new ChecklistItem(item.item(), Boolean.TRUE.equals(answers.get(item.item())), null, false);
        }).toList();
    }

    /** The items not met, with the rule each violates. */
    public static List<PreDeployItem> gaps(List<ChecklistItem> assessed, List<PreDeployItem> items) {
        return items.stream().filter(item -> assessed.stream()
                .anyMatch(a -> a.name().equals(item.item()) && !a.checked())).toList();
    }
}
