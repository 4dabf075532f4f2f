package io.vigil.policy;

import java.time.Duration;
import java.util.List;

/**
 * How often the owner checks a deploy in its window (seed 000 §2): bands of the window, each with an interval.
 * A check not recorded by its due time plus a grace ({@code graceFraction} of the interval) is missed, and
 * {@code notifyOnMiss} are told, in that order.
 */
public record CheckCadence(double graceFraction, List<Role> notifyOnMiss, List<Band> cadence) {

    public CheckCadence {
        notifyOnMiss = List.copyOf(notifyOnMiss);
        cadence = List.copyOf(cadence);
    }

    /** The band in force at {@code sinceStart} after the deploy's start; bands are half-open, [from, to). */
    public Band bandAt(Duration sinceStart) {
        return cadence.stream().filter(b -> b.contains(sinceStart)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(sinceStart + " is outside the window"));
    }

    /** How long after its due time a check of this band counts as missed. */
    public Duration grace(Band band) {
        return Duration.ofNanos(Math.round(band.every().toNanos() * graceFraction));
    }

    /** From {@code from} to {@code to} after the deploy's start, a check is due every {@code every}. */
    public record Band(String ruleId, Duration from, Duration to, Duration every) implements Rule {
        public boolean contains(Duration sinceStart) {
            return sinceStart.compareTo(from) >= 0 && sinceStart.compareTo(to) < 0;
        }
    }
}
