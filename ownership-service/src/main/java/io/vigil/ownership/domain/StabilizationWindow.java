package io.vigil.ownership.domain;

import java.time.Duration;
import java.time.Instant;

/** Seed 000 §2: every production deploy has a 48-hour stabilization window from its start. */
public record StabilizationWindow(Instant startsAt, Instant endsAt) {
    public static final Duration LENGTH = Duration.ofHours(48);

    public static StabilizationWindow from(Instant start) {
        return new StabilizationWindow(start, start.plus(LENGTH));
    }

    /** Inclusive of the start, exclusive of the end: at T+48 the window is over. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(startsAt) && instant.isBefore(endsAt);
    }
}
