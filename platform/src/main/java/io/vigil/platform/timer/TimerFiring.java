package io.vigil.platform.timer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.vigil.platform.config.VigilConfig;
import io.vigil.platform.resilience.Failures;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Fires due timers of one instance. A batch is claimed in due order with FOR UPDATE SKIP LOCKED and fired in one
 * transaction, so the handlers' effects commit with the fired stamp. When any handler throws, the batch is rolled
 * back and fired again one timer per transaction: only the failing timer records the attempt, keeps its due time,
 * waits for its next attempt, and after the last one is failed and handed to {@code onFailed}. A failure of our own
 * infrastructure (see {@code Failures}) spends no attempt: the timer stays due and the loop tries again. Handlers therefore
 * keep their effects in the transaction (as appending events does): a rolled-back batch has run them once already.
 * A plain class, not a bean: several instances run side by side against one database as service instances do.
 */
public final class TimerFiring {
    private static final Logger LOG = Logger.getLogger(TimerFiring.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<String, TimerHandler> handlers;
    private final int batchSize;
    private final RetrySchedule retries;
    private final Runnable onFailed;
    private final FiredListener onFired;
    private final ReentrantLock firing = new ReentrantLock();

    /** Told of each timer whose firing committed, with the service clock's time then. */
    @FunctionalInterface
    public interface FiredListener {
        void fired(DueTimer timer, Instant firedAt);
    }

    public TimerFiring(DataSource dataSource, Clock clock, Map<String, TimerHandler> handlers,
                       VigilConfig.Timers config, Runnable onFailed) {
        this(dataSource, clock, handlers, config, onFailed, (timer, at) -> { });
    }

    public TimerFiring(DataSource dataSource, Clock clock, Map<String, TimerHandler> handlers,
                       VigilConfig.Timers config, Runnable onFailed, FiredListener onFired) {
        if (config.batchSize() < 1) {
            throw new IllegalArgumentException("vigil.timers.batch-size must be at least 1, got " + config.batchSize());
        }
        this.dataSource = dataSource;
        this.clock = clock;
        this.handlers = Map.copyOf(handlers);
        this.batchSize = config.batchSize();
        this.retries = new RetrySchedule(config.maxAttempts(), config.retryBackoff());
        this.onFailed = onFailed;
        this.onFired = onFired;
    }

    /**
     * Fires every timer due now, including timers the firing itself makes due; returns how many fired.
     * One pass at a time per instance, so a caller that moved the clock sees the effects when this returns.
     */
    public int fireDue() {
        firing.lock();
        try {
            int fired = 0;
            List<DueTimer> claimed;
            do {
                claimed = new ArrayList<>();
                fired += fireBatch(clock.instant(), claimed);
            } while (!claimed.isEmpty());
            return fired;
        } finally {
            firing.unlock();
        }
    }

    /** When the next pending timer is due, or due for its next attempt. */
    public Optional<Instant> nextDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return TimerStore.nextDue(c);
            }
        });
    }

    private int fireBatch(Instant now, List<DueTimer> claimed) {
        int fired;
        try {
            fired = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    claimed.addAll(TimerStore.claimDue(c, now, batchSize));
                    for (DueTimer timer : claimed) {
                        handlerOf(timer).fire(timer);
                    }
                    if (!claimed.isEmpty()) {
                        TimerStore.markFired(c, claimed.stream().map(DueTimer::id).toList(), clock.instant());
                    }
                    return claimed.size();
                }
            });
        } catch (RuntimeException e) {
            if (claimed.isEmpty()) {
                throw e; // the claim itself failed: the database's fault, not a timer's
            }
            return fireOneByOne(claimed, now);
        }
        Instant firedAt = clock.instant();
        claimed.forEach(timer -> onFired.fired(timer, firedAt));
        return fired;
    }

    private int fireOneByOne(List<DueTimer> timers, Instant now) {
        int fired = 0;
        for (DueTimer candidate : timers) {
            AtomicReference<DueTimer> attempted = new AtomicReference<>();
            try {
                boolean done = QuarkusTransaction.requiringNew().call(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        Optional<DueTimer> timer = TimerStore.claimOne(c, candidate.id(), now);
                        if (timer.isEmpty()) {
                            return false; // another instance took it meanwhile
                        }
                        attempted.set(timer.get());
                        handlerOf(timer.get()).fire(timer.get());
                        TimerStore.markFired(c, List.of(candidate.id()), clock.instant());
                        return true;
                    }
                });
                if (done) {
                    onFired.fired(attempted.get(), clock.instant());
                    fired++;
                }
            } catch (RuntimeException e) {
                if (attempted.get() == null || Failures.isTransient(e)) {
                    throw e; // the database or broker is down, or a writer conflicted: not the timer's fault, no attempt spent
                }
                recordFailure(attempted.get(), e);
            }
        }
        return fired;
    }

    private TimerHandler handlerOf(DueTimer timer) {
        TimerHandler handler = handlers.get(timer.kind());
        if (handler == null) {
            throw new IllegalStateException("no handler for timer kind '" + timer.kind() + "' in this service");
        }
        return handler;
    }

    private void recordFailure(DueTimer timer, RuntimeException e) {
        String error = describe(e);
        Instant now = clock.instant();
        boolean last = retries.exhausted(timer.attempt());
        Instant next = last ? null : retries.nextAttempt(now, timer.attempt());
        boolean recorded = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return TimerStore.recordFailure(c, timer, error, next, now);
            }
        });
        if (!recorded) {
            return;
        }
        if (last) {
            LOG.errorf("timer %d (%s of %s, due %s) failed for good after %d attempts: %s",
                    timer.id(), timer.kind(), timer.aggregateId(), timer.dueAt(), timer.attempt(), error);
            onFailed.run();
        } else {
            LOG.warnf("timer %d (%s of %s, due %s) failed attempt %d of %d, next at %s: %s",
                    timer.id(), timer.kind(), timer.aggregateId(), timer.dueAt(), timer.attempt(), retries.maxAttempts(), next, error);
        }
    }

    /** The exception and its causes, for the timer's last_error and the dead letter's reason. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && depth < 8; t = t.getCause(), depth++) {
            if (t instanceof QuarkusTransactionException && t.getCause() != null) {
                continue; // says only that the transaction failed; its cause says why
            }
            text.append(text.isEmpty() ? "" : "; caused by ").append(t.getClass().getName()).append(": ").append(t.getMessage());
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
    }
}
