package io.vigil.platform.timer;

import java.time.Duration;
import java.time.Instant;

/** When a failing timer is tried again: {@code backoff} after the first failure, doubling after each further one. */
public record RetrySchedule(int maxAttempts, Duration backoff) {
    public RetrySchedule {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("vigil.timers.max-attempts must be at least 1, got " + maxAttempts);
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("vigil.timers.retry-backoff must not be negative, got " + backoff);
        }
    }

    /** True when the timer has failed {@code attempts} times and gets no further attempt. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The next attempt after {@code attempts} failures, the last of which happened at {@code failedAt}. */
    public Instant nextAttempt(Instant failedAt, int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30); // 2^30 × any sane backoff is beyond any deadline
        return failedAt.plus(backoff.multipliedBy(1L << doublings));
    }
}
