package io.vigil.events.ownership;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vigil.events.EventType;
import io.vigil.events.Target;

import java.time.Instant;
import java.util.List;

/**
 * A check was not recorded by its due time plus a grace of a quarter interval; the owner, then the on-call
 * primary, are notified. Subject: {@code deployId}.
 *
 * @param deployId the deploy; the subject
 * @param intervalMinutes the cadence in force: 15, 120 or 240
 * @param missedAt dueAt plus the grace
 * @param notifyTargets in order: the owner, then the on-call primary
 * @param policyRule id of the policy rule that decided this (DESIGN §3)
 * @param policyVersion version of the policy document that held the rule
 */
public record CheckMissed(
        String deployId,
        String service,
        String owner,
        Instant dueAt,
        int intervalMinutes,
        Instant missedAt,
        @JsonProperty("notify") List<Target> notifyTargets,
        String policyRule,
        String policyVersion) implements OwnershipEvent {

    /** Lists are immutable; an absent list is empty. */
    public CheckMissed {
        notifyTargets = notifyTargets == null ? List.of() : List.copyOf(notifyTargets);
    }

    @Override
    public EventType eventType() {
        return EventType.CHECK_MISSED;
    }
}
