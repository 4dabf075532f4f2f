package io.vigil.events.ownership;

import io.vigil.events.EventType;

import java.time.Instant;
import java.util.List;

/**
 * The go/no-go verdict on a rollout stage (seed 004): PAUSE if error rate &gt; baseline + 0.1 pp, p99 &gt;
 * baseline × 1.10 or a failed health check; ROLLBACK if error rate &gt; baseline + 1 pp for 5 min or more or
 * p99 &gt; baseline × 1.25. Subject: {@code deployId}.
 *
 * @param deployId the deploy; the subject
 * @param reasons why, one line per rule that fired; may be empty for GO
 * @param mayAdvanceAt GO: earliest time the next stage may start (end of soak time) (optional)
 * @param nextPercent GO: the next stage's traffic share, in percent (optional)
 * @param policyRule id of the policy rule that decided this (DESIGN §3)
 * @param policyVersion version of the policy document that held the rule
 */
public record RolloutDecided(
        String deployId,
        String service,
        RolloutDecision decision,
        List<String> reasons,
        RolloutMetrics metrics,
        Instant mayAdvanceAt,
        Double nextPercent,
        Instant decidedAt,
        String policyRule,
        String policyVersion) implements OwnershipEvent {

    /** Lists are immutable; an absent list is empty. */
    public RolloutDecided {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    @Override
    public EventType eventType() {
        return EventType.ROLLOUT_DECIDED;
    }
}
