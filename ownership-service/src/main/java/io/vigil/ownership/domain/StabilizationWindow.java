package io.vigil.ownership.domain;

import java.time.Duration;
import java.time.Instant;

/** Seed 000 §2: every production deploy has a stabilization window from its start (48 h by the policy). */
public record StabilizationWindow(Instant startsAt, Instant endsAt) {

    public static StabilizationWindow from(Instant start, Duration length) {
        return new StabilizationWindow(start, start.plus(length));
    }

    /** Inclusive of the start, exclusive of the end: at T+48 the window is over. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(startsAt) && instant.isBefore(endsAt);
    }
}
