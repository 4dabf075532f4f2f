package io.vigil.ownership.domain;

import io.vigil.events.ownership.RolloutDecision;
import io.vigil.events.ownership.RolloutMetrics;
import io.vigil.policy.PolicyLoader;
import io.vigil.policy.RolloutPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutGateTest {
    static final RolloutPolicy POLICY = new PolicyLoader().loadDefault().policy().rollout();
    static final Instant STAGE_START = Instant.parse("2026-11-22T14:00:00Z");

    static RolloutGate.Verdict decide(double errorRate, double p99, int failedChecks, long observedSeconds) {
        return decide(new RolloutMetrics(5, errorRate, 0.5, p99, 200, failedChecks, observedSeconds), "minor", List.of());
    }

    static RolloutGate.Verdict decide(RolloutMetrics m, String releaseType, List<String> p1) {
        return RolloutGate.decide(m, releaseType, STAGE_START, p1, POLICY, "test-1");
    }

    @Test
    void shouldGoAtBaselinePlusExactlyPointOneAndPauseJustPastIt() {
        assertThat(decide(0.6, 200, 0, 600).decision()).isEqualTo(RolloutDecision.GO);
        RolloutGate.Verdict past = decide(0.61, 200, 0, 600);
        assertThat(past.decision()).isEqualTo(RolloutDecision.PAUSE);
        assertThat(past.rule().ruleId()).isEqualTo("rollout.pause.error-rate");
        assertThat(past.reasons()).anySatisfy(r -> assertThat(r).startsWith("rollout.pause.error-rate").contains("0.61"));
    }

    @Test
    void shouldGoAtP99TimesExactlyOnePointOneAndPauseJustPastIt() {
        assertThat(decide(0.5, 220, 0, 600).decision()).isEqualTo(RolloutDecision.GO);
        RolloutGate.Verdict past = decide(0.5, 220.1, 0, 600);
        assertThat(past.decision()).isEqualTo(RolloutDecision.PAUSE);
        assertThat(past.rule().ruleId()).isEqualTo("rollout.pause.p99");
    }

    @Test
    void shouldPauseOnOneFailedHealthCheck() {
        RolloutGate.Verdict verdict = decide(0.5, 200, 1, 600);
        assertThat(verdict.decision()).isEqualTo(RolloutDecision.PAUSE);
        assertThat(verdict.rule().ruleId()).isEqualTo("rollout.pause.failed-health-check");
    }

    @Test
    void shouldRollBackAnErrorRateOnePOintAboveOnlyOnceObservedForFiveMinutes() {
        RolloutGate.Verdict early = decide(1.6, 200, 0, 299);
        assertThat(early.decision()).isEqualTo(RolloutDecision.PAUSE);
        assertThat(early.reasons()).anySatisfy(r -> assertThat(r).startsWith("rollout.rollback.error-rate not yet"));

        RolloutGate.Verdict atFive = decide(1.6, 200, 0, 300);
        assertThat(atFive.decision()).isEqualTo(RolloutDecision.ROLLBACK);
        assertThat(atFive.rule().ruleId()).isEqualTo("rollout.rollback.error-rate");

        assertThat(decide(1.5, 200, 0, 3600).decision()).isEqualTo(RolloutDecision.PAUSE);
    }

    @Test
    void shouldRollBackP99AboveOnePointTwoFiveAndLetRollbackWinWithEveryReason() {
        assertThat(decide(0.5, 250, 0, 600).decision()).isEqualTo(RolloutDecision.PAUSE);
        RolloutGate.Verdict verdict = decide(0.7, 250.1, 2, 10);
        assertThat(verdict.decision()).isEqualTo(RolloutDecision.ROLLBACK);
        assertThat(verdict.rule().ruleId()).isEqualTo("rollout.rollback.p99");
        assertThat(verdict.reasons()).hasSize(4).anySatisfy(r -> assertThat(r).startsWith("rollout.pause.failed-health-check"))
                .anySatisfy(r -> assertThat(r).startsWith("rollout.pause.error-rate"))
                .anySatisfy(r -> assertThat(r).startsWith("rollout.pause.p99"));
        assertThat(verdict.rule().policyVersion()).isEqualTo("test-1");
    }

    @Test
    void shouldPauseWhileACriticalAlertFiredInTheWindow() {
        RolloutGate.Verdict verdict = decide(new RolloutMetrics(5, 0.5, 0.5, 200, 200, 0, 600), "minor", List.of("inc-1"));
        assertThat(verdict.decision()).isEqualTo(RolloutDecision.PAUSE);
        assertThat(verdict.reasons()).anySatisfy(r -> assertThat(r).contains("inc-1"));
    }

    @Test
    void shouldLetTheNextStageStartOnlyAfterTheSoakTimeOfTheReleaseTypesPlan() {
        RolloutGate.Verdict canary = decide(0.5, 200, 0, 60);
        assertThat(canary.decision()).isEqualTo(RolloutDecision.GO);
        assertThat(canary.mayAdvanceAt()).isEqualTo(STAGE_START.plus(Duration.ofMinutes(15)));
        assertThat(canary.nextPercent()).isEqualTo(25.0);

        RolloutGate.Verdict major = decide(new RolloutMetrics(5, 0.5, 0.5, 200, 200, 0, 60), "major", List.of());
        assertThat(major.mayAdvanceAt()).isEqualTo(STAGE_START.plus(Duration.ofMinutes(30)));
        assertThat(major.nextPercent()).isEqualTo(10.0);

        RolloutGate.Verdict full = decide(new RolloutMetrics(100, 0.5, 0.5, 200, 200, 0, 60), "minor", List.of());
        assertThat(full.nextPercent()).isNull();
        assertThat(full.rule().ruleId()).isEqualTo("rollout.go");
    }
}
