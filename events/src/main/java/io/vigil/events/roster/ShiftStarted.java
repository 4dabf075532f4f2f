package io.vigil.events.roster;

import io.vigil.events.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stretch of constant on-call cover began: the rotation's primary and secondary with any overrides applied.
 * Subject: the on-call schedule id ({@code oncall}), so every schedule change is ordered on one partition.
 *
 * @param weekStart the rotation week the shift belongs to
 * @param primary username on call as primary from "from" to "to"
 * @param secondary username on call as secondary from "from" to "to"
 * @param overrideIds overrides in force during the shift (optional)
 * @param policyRule the policy rule that decided it (optional: absent in events written before it was carried)
 * @param policyVersion the version of the policy document that held the rule (optional)
 */
public record ShiftStarted(
        LocalDate weekStart,
        String primary,
        String secondary,
        Instant from,
        Instant to,
        List<String> overrideIds,
        String policyRule,
        String policyVersion) implements RosterEvent {

    /** Lists are immutable; an absent list is empty. */
    public ShiftStarted {
        overrideIds = overrideIds == null ? List.of() : List.copyOf(overrideIds);
    }

    @Override
    public EventType eventType() {
        return EventType.SHIFT_STARTED;
    }
}
