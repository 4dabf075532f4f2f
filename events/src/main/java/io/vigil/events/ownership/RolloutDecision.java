package io.vigil.events.ownership;

/** The go/no-go verdict on a rollout stage (seed 004); ROLLBACK wins over PAUSE. */
public enum RolloutDecision {
    /** Within thresholds: the rollout may advance (once the stage's soak time has passed). */
    GO,
    /** Error rate above baseline + 0.1 pp, p99 above baseline × 1.10, or a failed health check. */
    PAUSE,
    /** Error rate above baseline + 1 pp for 5 min or more, or p99 above baseline × 1.25. */
    ROLLBACK
}
