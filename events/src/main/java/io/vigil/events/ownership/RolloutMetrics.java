package io.vigil.events.ownership;

/**
 * The measurements a rollout decision was taken on, as reported for the stage.
 *
 * @param percent              share of traffic on the new version, in percent (0–100)
 * @param errorRatePct         error rate of the new version, in percent (0–100)
 * @param baselineErrorRatePct error rate of the baseline, in percent (0–100)
 * @param p99Ms                p99 latency of the new version, in milliseconds
 * @param baselineP99Ms        p99 latency of the baseline, in milliseconds
 * @param failedHealthChecks   health checks failed during the stage
 * @param observedForSeconds   how long these values have been observed
 */
public record RolloutMetrics(
        double percent,
        double errorRatePct,
        double baselineErrorRatePct,
        double p99Ms,
        double baselineP99Ms,
        int failedHealthChecks,
        long observedForSeconds) {
}
