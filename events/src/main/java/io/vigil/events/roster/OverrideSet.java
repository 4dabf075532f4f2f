package io.vigil.events.roster;

import io.vigil.events.EventType;

import java.time.Instant;

/**
 * Someone takes an on-call slot for a time range instead of the scheduled person (seed 001 §3). Subject: the
 * on-call schedule id ({@code oncall}), so every schedule change is ordered on one partition.
 *
 * @param person username taking the slot
 * @param replaces username scheduled in that slot otherwise (optional)
 * @param policyRule the policy rule that decided it (optional: absent in events written before it was carried)
 * @param policyVersion the version of the policy document that held the rule (optional)
 */
public record OverrideSet(
        String overrideId,
        OnCallSlot slot,
        String person,
        String replaces,
        Instant from,
        Instant to,
        String reason,
        Instant setAt,
        String policyRule,
        String policyVersion) implements RosterEvent {

    @Override
    public EventType eventType() {
        return EventType.OVERRIDE_SET;
    }
}
