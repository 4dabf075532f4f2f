package io.vigil.ownership.domain;

import io.vigil.events.roster.OnCallSlot;

import java.time.Instant;

/** Let {@code person} hold {@code slot} for [from, to) instead of whoever the rotation names. */
public record SetOverride(String overrideId, OnCallSlot slot, String person, Instant from, Instant to, String reason) {
}
