package io.vigil.ownership.domain;

import io.vigil.events.ownership.RolloutDecision;
import io.vigil.events.ownership.RolloutMetrics;
import io.vigil.policy.PolicyRule;
import io.vigil.policy.RolloutPolicy;
import io.vigil.policy.RolloutThreshold;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 004's go/no-go on a rollout stage. Every threshold of the policy is weighed and every one that holds is a
 * reason; ROLLBACK wins over PAUSE, PAUSE over GO (the policy's precedence). A GO names when the next stage may
 * start: the stage's soak time after it started. A P1 incident (critical alert) on the service during the window
 * is a reason to PAUSE: seed 004's GO needs "no critical alerts triggered".
 */
public final class RolloutGate {
    public record Verdict(RolloutDecision decision, List<String> reasons, PolicyRule rule, Instant mayAdvanceAt,
                          Double nextPercent) {
        public Verdict {
            reasons = List.copyOf(reasons);
        }
    }

    private RolloutGate() {
    }

    public static Verdict decide(RolloutMetrics m, String releaseType, Instant stageStartedAt, List<String> p1Incidents,
                                 RolloutPolicy policy, String policyVersion) {
        List<String> reasons = new ArrayList<>();
        String rollbackRule = null;
        for (RolloutThreshold t : policy.rollback()) {
            if (exceeded(t, m)) {
                rollbackRule = rollbackRule == null ? t.ruleId() : rollbackRule;
                reasons.add(t.ruleId() + ": " + describe(t, m));
            } else if (t.observedForAtLeast() != null && exceededIgnoringTime(t, m)) {
                reasons.add(t.ruleId() + " not yet: " + describe(t, m) + ", observed " + m.observedForSeconds()
                        + " s of the " + t.observedForAtLeast().toSeconds() + " s that make it a rollback");
            }
        }
        String pauseRule = null;
        for (RolloutThreshold t : policy.pause()) {
            if (exceeded(t, m)) {
                pauseRule = pauseRule == null ? t.ruleId() : pauseRule;
                reasons.add(t.ruleId() + ": " + describe(t, m));
            }
        }
        if (!p1Incidents.isEmpty()) {
            String criticalAlert = policy.criticalAlert().ruleId();
            pauseRule = pauseRule == null ? criticalAlert : pauseRule;
            reasons.add(criticalAlert + ": critical alert (P1 incident) in the window: " + String.join(", ", p1Incidents));
        }
        RolloutDecision decision = first(policy.precedence(), rollbackRule != null, pauseRule != null);
        return switch (decision) {
            case ROLLBACK -> new Verdict(decision, reasons, new PolicyRule(rollbackRule, policyVersion), null, null);
            case PAUSE -> new Verdict(decision, reasons, new PolicyRule(pauseRule, policyVersion), null, null);
            case GO -> go(m, releaseType, stageStartedAt, reasons, policy, policyVersion);
        };
    }

    private static Verdict go(RolloutMetrics m, String releaseType, Instant stageStartedAt, List<String> reasons,
                              RolloutPolicy policy, String policyVersion) {
        RolloutPolicy.Plan plan = policy.plan(releaseType);
        RolloutPolicy.Stage stage = plan.stageFor(m.percent());
        int index = plan.stages().indexOf(stage);
        Double next = index + 1 < plan.stages().size() ? plan.stages().get(index + 1).maxPercent().doubleValue() : null;
        Instant mayAdvanceAt = stageStartedAt.plus(stage.soak());
        reasons.add(policy.go().ruleId() + ": within every threshold at " + m.percent() + " %");
        reasons.add(stage.ruleId() + ": stage " + stage.stage() + " soaks " + stage.soak() + "; the next stage"
                + (next == null ? " — none, this is the last —" : " (" + next + " %)") + " may start at " + mayAdvanceAt);
        return new Verdict(RolloutDecision.GO, reasons, new PolicyRule(policy.go().ruleId(), policyVersion), mayAdvanceAt, next);
    }

    private static RolloutDecision first(List<RolloutPolicy.Verdict> precedence, boolean rollback, boolean pause) {
        for (RolloutPolicy.Verdict v : precedence) {
            if (v == RolloutPolicy.Verdict.ROLLBACK && rollback) {
                return RolloutDecision.ROLLBACK;
            }
            if (v == RolloutPolicy.Verdict.PAUSE && pause) {
                return RolloutDecision.PAUSE;
            }
        }
        return RolloutDecision.GO;
    }

    private static boolean exceeded(RolloutThreshold t, RolloutMetrics m) {
        return t.exceededBy(m.errorRatePct(), m.baselineErrorRatePct(), m.p99Ms(), m.baselineP99Ms(),
                m.failedHealthChecks(), m.observedForSeconds());
    }

    private static boolean exceededIgnoringTime(RolloutThreshold t, RolloutMetrics m) {
        return t.exceededBy(m.errorRatePct(), m.baselineErrorRatePct(), m.p99Ms(), m.baselineP99Ms(),
                m.failedHealthChecks(), Duration.ofDays(3650).toSeconds());
    }

    private static String describe(RolloutThreshold t, RolloutMetrics m) {
        String persistence = t.observedForAtLeast() == null ? "" : " for at least " + t.observedForAtLeast();
        if (t.errorRatePpAboveBaseline() != null) {
            return "error rate " + m.errorRatePct() + " % > baseline " + m.baselineErrorRatePct() + " % + "
                    + t.errorRatePpAboveBaseline().toPlainString() + " pp" + persistence;
        }
        if (t.p99RatioAboveBaseline() != null) {
            return "p99 " + m.p99Ms() + " ms > baseline " + m.baselineP99Ms() + " ms × "
                    + t.p99RatioAboveBaseline().toPlainString() + persistence;
        }
        return m.failedHealthChecks() + " failed health check(s) (≥ " + t.failedHealthChecksAtLeast() + ")" + persistence;
    }
}
