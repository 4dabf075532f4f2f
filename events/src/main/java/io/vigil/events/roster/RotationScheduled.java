package io.vigil.events.roster;

import io.vigil.events.EventType;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The primary and secondary on-call of a week were set (seed 001 §3); the week runs from Monday 09:00 in the
 * team's time zone to the next Monday 09:00 (DST-correct). Subject: the on-call schedule id ({@code oncall}),
 * so every schedule change is ordered on one partition.
 *
 * @param weekStart the Monday the week starts on
 * @param primary username of the primary
 * @param secondary username of the secondary
 * @param timeZone IANA zone id the handoff time is read in
 * @param startsAt Monday 09:00 local of weekStart
 * @param endsAt Monday 09:00 local of the following week
 * @param policyRule the policy rule that decided it (optional: absent in events written before it was carried)
 * @param policyVersion the version of the policy document that held the rule (optional)
 */
public record RotationScheduled(
        LocalDate weekStart,
        String primary,
        String secondary,
        String timeZone,
        Instant startsAt,
        Instant endsAt,
        Instant scheduledAt,
        String policyRule,
        String policyVersion) implements RosterEvent {

    @Override
    public EventType eventType() {
        return EventType.ROTATION_SCHEDULED;
    }
}
