package io.vigil.policy;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * One condition that pauses or rolls back a rollout stage (seed 004); exactly one metric is set. All comparisons
 * are strict ("above") except {@code failedHealthChecksAtLeast} and {@code observedForAtLeast}, and are done in
 * decimals: with a baseline of 0.7 %, an error rate of 0.8 % is not above baseline + 0.1 pp, 0.81 % is.
 *
 * @param errorRatePpAboveBaseline  error rate (percent) &gt; baseline (percent) + this many percentage points
 * @param p99RatioAboveBaseline     p99 &gt; baseline p99 × this
 * @param failedHealthChecksAtLeast failed health checks ≥ this
 * @param observedForAtLeast        the values must have been observed at least this long; null: at once
 */
public record RolloutThreshold(
        String ruleId,
        BigDecimal errorRatePpAboveBaseline,
        BigDecimal p99RatioAboveBaseline,
        Integer failedHealthChecksAtLeast,
        Duration observedForAtLeast) implements Rule {

    /** Whether this threshold is exceeded by a stage's report (arguments as in {@code rollout.stage-reported}). */
    public boolean exceededBy(double errorRatePct, double baselineErrorRatePct, double p99Ms, double baselineP99Ms,
                              int failedHealthChecks, long observedForSeconds) {
        if (observedForAtLeast != null && observedForSeconds < observedForAtLeast.toSeconds()) {
            return false;
        }
        if (errorRatePpAboveBaseline != null) {
            return decimal(errorRatePct).compareTo(decimal(baselineErrorRatePct).add(errorRatePpAboveBaseline)) > 0;
        }
        if (p99RatioAboveBaseline != null) {
            return decimal(p99Ms).compareTo(decimal(baselineP99Ms).multiply(p99RatioAboveBaseline)) > 0;
        }
        return failedHealthChecks >= failedHealthChecksAtLeast;
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }
}
