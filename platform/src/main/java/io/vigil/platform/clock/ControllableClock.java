package io.vigil.platform.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock plus an offset that only ever grows; demos and end-to-end tests move it forward. Tests that
 * must land exactly on a boundary (14:59 vs 15:00) {@link #freeze()} it first, so that the seconds their own
 * requests take do not move it.
 */
public final class ControllableClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> frozenAt = new AtomicReference<>();

    public ControllableClock(Clock base) {
        this.base = base;
    }

    public static ControllableClock systemUtc() {
        return new ControllableClock(Clock.systemUTC());
    }

    public Duration offset() {
        return offset.get();
    }

    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward; got " + by);
        }
        offset.accumulateAndGet(by, Duration::plus);
        return instant();
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt.get();
        return (frozen != null ? frozen : base.instant()).plus(offset.get());
    }

    /** Stops the system clock's part: only {@link #advance} moves time until {@link #resume()}. Never in production. */
    public void freeze() {
        frozenAt.compareAndSet(null, base.instant());
    }

    /** The system clock runs again; time jumps forward by what passed while frozen, never back. */
    public void resume() {
        frozenAt.set(null);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Vigil keeps time in UTC");
    }
}
