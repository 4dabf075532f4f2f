package io.vigil.platform.worker;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A daemon thread that runs a pass at start, whenever it is woken (after a commit that gave it work) and at
 * least every {@code every} (for work a crash or another instance left). A pass that throws is logged and tried
 * again at the next turn. The outbox relay and the failed-timer publisher each run on one.
 */
public final class WakeableLoop {
    private static final Logger LOG = Logger.getLogger(WakeableLoop.class);

    private final String name;
    private final Duration every;
    private final Runnable pass;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public WakeableLoop(String name, Duration every, Runnable pass) {
        this.name = name;
        this.every = every;
        this.pass = pass;
    }

    public synchronized void start() {
        if (thread == null) {
            running = true;
            thread = Thread.ofPlatform().name(name).daemon().start(this::run);
        }
    }

    public synchronized void stop() {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /** Runs a pass soon; several wakes before it runs make one pass. */
    public void wake() {
        wake.release();
    }

    /** False once stopping: a pass that loops over batches checks it between them. */
    public boolean running() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                pass.run();
            } catch (RuntimeException e) {
                LOG.warnf("%s: could not finish its work, trying again within %s: %s", name, every, e);
            }
            try {
                wake.tryAcquire(every.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
