package io.vigil.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches {@code max(seq)} of audit_entry every 100 ms, from the service's readiness until it reaches n:
 * the pre-produced records turned into committed entries. The service may commit a little before its
 * readiness answers; those entries are left out of the rate (and reported).
 */
final class AppendMeter {
    record Sample(long nanos, long seq) {
    }

    record Result(long target, long seqAtReady, double seconds, double steadyPerSecond, double sinceLaunchSeconds) {
        double perSecond() {
            return (target - seqAtReady) / seconds;
        }
    }

    static Result measure(Connection c, ServiceUnderTest service, long readyAt, long n, Duration timeout, Duration stall)
            throws SQLException {
        long seqAtReady = Db.maxSeq(c);
        List<Sample> samples = new ArrayList<>();
        samples.add(new Sample(readyAt, seqAtReady));
        long deadline = readyAt + timeout.toNanos();
        long lastProgress = readyAt;
        long seq = seqAtReady;
        while (seq < n) {
            ServiceUnderTest.sleep(100);
            long now = System.nanoTime();
            long current = Db.maxSeq(c);
            if (current > seq) {
                lastProgress = now;
            }
            seq = current;
            samples.add(new Sample(now, seq));
            if (!service.alive()) {
                throw new IllegalStateException("audit-service died at seq " + seq + " of " + n + "; see " + service.log);
            }
            if (now > deadline) {
                throw new IllegalStateException("append reached seq " + seq + " of " + n + " within " + timeout);
            }
            if (now - lastProgress > stall.toNanos()) {
                throw new IllegalStateException("append stalled at seq " + seq + " of " + n + " for " + stall + "; see " + service.log);
            }
        }
        Sample last = samples.get(samples.size() - 1);
        return new Result(n, seqAtReady, (last.nanos() - readyAt) / 1e9, steady(samples, n),
                (last.nanos() - service.launchedAt) / 1e9);
    }

    /** Entries per second between the samples that first reach 10 % and 90 % of n: start-up and tail left out. */
    private static double steady(List<Sample> samples, long n) {
        Sample from = null;
        Sample to = null;
        for (Sample s : samples) {
            if (from == null && s.seq() >= n / 10) {
                from = s;
            }
            if (to == null && s.seq() >= n * 9 / 10) {
                to = s;
            }
        }
        if (from == null || to == null || to.nanos() <= from.nanos()) {
            return Double.NaN; // too small a run to tell: everything came within one poll
        }
        return (to.seq() - from.seq()) / ((to.nanos() - from.nanos()) / 1e9);
    }

    private AppendMeter() {
    }
}
