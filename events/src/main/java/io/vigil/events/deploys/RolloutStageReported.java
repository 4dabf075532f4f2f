package io.vigil.events.deploys;

import io.vigil.events.EventType;

import java.time.Instant;

/**
 * Measurements of a staged-rollout stage (seed 004), the input of {@code vigil.rollout.decided.v1}. Rates are
 * in percent (0–100), latencies in milliseconds. Subject: {@code deployId}.
 *
 * @param deployId the deploy; the subject
 * @param percent share of traffic on the new version, in percent (0–100)
 * @param errorRatePct error rate of the new version, in percent (0–100)
 * @param baselineErrorRatePct error rate of the baseline, in percent (0–100)
 * @param p99Ms p99 latency of the new version, in milliseconds
 * @param baselineP99Ms p99 latency of the baseline, in milliseconds
 * @param failedHealthChecks health checks failed during the stage
 * @param observedForSeconds how long these values have been observed
 * @param releaseType picks the stage plan (seed 004) (optional)
 * @param stageStartedAt when traffic reached this percent; the soak time counts from here (optional)
 */
public record RolloutStageReported(
        String deployId,
        String service,
        double percent,
        double errorRatePct,
        double baselineErrorRatePct,
        double p99Ms,
        double baselineP99Ms,
        int failedHealthChecks,
        long observedForSeconds,
        ReleaseType releaseType,
        Instant stageStartedAt,
        Instant reportedAt) implements DeployEvent {

    @Override
    public EventType eventType() {
        return EventType.ROLLOUT_STAGE_REPORTED;
    }
}
