package io.vigil.ownership.domain;

import io.vigil.policy.CheckCadence;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Seed 000 §2, check cadence: a check is due one interval after the last check (or after the due time of a missed
 * one), the interval being the one of the band in force at that moment (15 min to T+4 h, 2 h to T+24 h, 4 h to
 * T+48 h; bands are half-open, so at T+4 h exactly the 2 h cadence applies). It is missed a grace of a quarter
 * interval after its due time. No check falls due at or after the window's end: the T+48 checkpoint takes over.
 */
public final class CheckSchedule {

    /** A check due at {@code dueAt} under the band {@code ruleId}; missed from {@code missedAt()} on. */
    public record Due(Instant dueAt, Duration every, Duration grace, String ruleId) {
        public Instant missedAt() {
            return dueAt.plus(grace);
        }
    }

    private CheckSchedule() {
    }

    /** The check due after {@code reference} (a check recorded, a missed due time, or the start); empty at the window's end. */
    public static Optional<Due> after(Instant reference, StabilizationWindow window, CheckCadence cadence) {
        if (!window.contains(reference)) {
            return Optional.empty();
        }
        CheckCadence.Band band = cadence.bandAt(Duration.between(window.startsAt(), reference));
        Instant due = reference.plus(band.every());
        if (!due.isBefore(window.endsAt())) {
            return Optional.empty();
        }
        return Optional.of(new Due(due, band.every(), cadence.grace(band), band.ruleId()));
    }

    /** The band rule in force at {@code at}, for events that name it; the last band once the window is over. */
    public static CheckCadence.Band bandAt(Instant at, StabilizationWindow window, CheckCadence cadence) {
        Duration since = Duration.between(window.startsAt(), at);
        if (since.isNegative()) {
            return cadence.cadence().getFirst();
        }
        return cadence.cadence().stream().filter(b -> b.contains(since)).findFirst().orElse(cadence.cadence().getLast());
    }
}
