package io.vigil.platform.timer;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How a sleeping timer loop learns that it must look again: a commit scheduled a timer due before the loop
 * meant to wake up, or the clock was moved. While the loop works, every scheduled timer wakes it, since the
 * loop may already have read the next due time without it.
 */
@ApplicationScoped
public class TimerSignal {
    private static final Instant AWAKE = Instant.MAX;

    private final Semaphore permits = new Semaphore(0);
    private final AtomicReference<Instant> wakeAt = new AtomicReference<>(AWAKE);

    /** A committed transaction scheduled a timer due at {@code dueAt}. */
    public void scheduled(Instant dueAt) {
        if (dueAt.isBefore(wakeAt.get())) {
            permits.release();
        }
    }

    /** Look again now: the clock moved, or the instance is stopping. */
    public void wake() {
        permits.release();
    }

    /** Sleeps until {@code until} on {@code clock}, or until woken; the loop is awake again when this returns. */
    void sleepUntil(Instant until, Clock clock) throws InterruptedException {
        wakeAt.set(until);
        try {
            long millis = Math.max(0, Duration.between(clock.instant(), until).toMillis());
            permits.tryAcquire(millis, TimeUnit.MILLISECONDS);
            permits.drainPermits();
        } finally {
            wakeAt.set(AWAKE);
        }
    }
}
