package io.vigil.platform.timer;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The firing thread of one instance: fires what is due, then sleeps until the next due time (at most the poll
 * interval, which also bounds how late a timer written by another instance is seen) unless its signal wakes it.
 */
public final class TimerLoop {
    private static final Logger LOG = Logger.getLogger(TimerLoop.class);

    private final TimerFiring firing;
    private final TimerSignal signal;
    private final Clock clock;
    private final Duration pollInterval;
    private final String name;
    private volatile boolean running;
    private Thread thread;

    public TimerLoop(TimerFiring firing, TimerSignal signal, Clock clock, Duration pollInterval, String name) {
        this.firing = firing;
        this.signal = signal;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.name = name;
    }

    public synchronized void start() {
        if (thread == null) {
            running = true;
            thread = Thread.ofPlatform().name(name).daemon().start(this::run);
        }
    }

    public synchronized void stop() {
        running = false;
        signal.wake();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    private void run() {
        while (running) {
            try {
                firing.fireDue();
                Instant latest = clock.instant().plus(pollInterval);
                Instant next = firing.nextDue().filter(due -> due.isBefore(latest)).orElse(latest);
                signal.sleepUntil(next, clock);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("%s: timers could not be fired, retrying in %s: %s", name, pollInterval, TimerFiring.describe(e));
                pause();
            }
        }
    }

    private void pause() {
        try {
            signal.sleepUntil(clock.instant().plus(pollInterval), clock);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
