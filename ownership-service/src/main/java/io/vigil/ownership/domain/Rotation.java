package io.vigil.ownership.domain;

import java.time.Instant;
import java.time.LocalDate;

/** One week of the rotation: who is primary and who secondary from its handover to the next. */
public record Rotation(LocalDate weekStart, String primary, String secondary, Instant startsAt, Instant endsAt) {
    public boolean holds(Instant instant) {
        return !instant.isBefore(startsAt) && instant.isBefore(endsAt);
    }
}
