package io.vigil.ownership.domain;

import io.vigil.events.roster.OnCallSlot;

import java.time.Instant;

/** Someone takes one slot for [from, to) instead of the rotation's person; a later override wins where they overlap. */
public record OnCallOverride(String overrideId, OnCallSlot slot, String person, Instant from, Instant to, String reason) {
    public boolean holds(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }
}
