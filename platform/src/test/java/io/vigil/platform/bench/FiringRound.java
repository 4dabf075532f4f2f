package io.vigil.platform.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The figures of one round: every timer due at {@code due}, fired by {@code instances} instances side by side. */
record FiringRound(int instances, int timers, long rows, long distinctTimers, List<Double> latenessMillis) {

    static FiringRound of(int instances, int timers, long rows, long distinctTimers, Instant due, Collection<Instant> firedAt) {
        List<Double> lateness = firedAt.stream().map(at -> Duration.between(due, at).toNanos() / 1e6).sorted().toList();
        return new FiringRound(instances, timers, rows, distinctTimers, lateness);
    }

    boolean firedEachOnce() {
        return rows == timers && distinctTimers == timers && latenessMillis.size() == timers;
    }

    /** Timers fired per second, from the due time to the last fire. */
    double perSecond() {
        return timers / (percentile(100) / 1000);
    }

    /** Nearest rank. */
    double percentile(int p) {
        int rank = (int) Math.ceil(p / 100.0 * latenessMillis.size());
        return latenessMillis.get(Math.max(rank, 1) - 1);
    }

    String line() {
        return String.format("%-10d %,12.0f %10.0f %10.0f %10.0f %12.0f   %s", instances, perSecond(), percentile(50),
                percentile(99), percentile(100), latenessMillis.getFirst(),
                firedEachOnce() ? "yes" : "NO (" + rows + " rows, " + distinctTimers + " distinct timers)");
    }

    static String header() {
        return String.format("%-10s %12s %10s %10s %10s %12s   %s", "instances", "fired/s", "p50 ms", "p99 ms", "max ms",
                "first ms", "each fired once");
    }
}
