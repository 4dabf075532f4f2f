package io.vigil.platform.timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Schedules and cancels durable timers in the caller's transaction, next to the event that wants them.
 * After a commit that scheduled a timer, the poller is woken if that timer is due before it meant to look again.
 */
@ApplicationScoped
public class Timers {
    private final DataSource dataSource;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final TimerSignal signal;

    public Timers(DataSource dataSource, Clock clock, TransactionSynchronizationRegistry transactions, TimerSignal signal) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.transactions = transactions;
        this.signal = signal;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(String kind, String aggregateId, Instant dueAt, String payload) {
        update("INSERT INTO timer (kind, aggregate_id, due_at, payload) VALUES (?, ?, ?, ?)", ps -> {
            ps.setString(1, kind);
            ps.setString(2, aggregateId);
            ps.setTimestamp(3, Timestamp.from(dueAt));
            ps.setString(4, payload);
        });
        wakePollerAfterCommit(dueAt);
    }

    /** Cancels every pending timer of this kind for the aggregate. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(String kind, String aggregateId) {
        // A timer the poller is firing right now is locked by it, and that firing waits for this transaction's
        // events of the same aggregate: waiting for its lock here would deadlock. It is left to its firing, which
        // then meets this transaction's version of the aggregate (a concurrency conflict, retried) and decides
        // from the state this command left.
        update("UPDATE timer SET cancelled_at = ? WHERE id IN (SELECT id FROM timer WHERE kind = ? AND aggregate_id = ? AND "
                + TimerStore.PENDING + " FOR UPDATE SKIP LOCKED)", ps -> {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, kind);
            ps.setString(3, aggregateId);
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("timer update failed: " + sql, e);
        }
    }

    /** One synchronization per transaction, carrying the earliest due time it scheduled. */
    private void wakePollerAfterCommit(Instant dueAt) {
        if (transactions.getResource(EarliestScheduled.class) instanceof EarliestScheduled earliest) {
            earliest.offer(dueAt);
            return;
        }
        EarliestScheduled earliest = new EarliestScheduled(dueAt);
        transactions.putResource(EarliestScheduled.class, earliest);
        transactions.registerInterposedSynchronization(earliest);
    }

    private final class EarliestScheduled implements Synchronization {
        private Instant dueAt;

        EarliestScheduled(Instant dueAt) {
            this.dueAt = dueAt;
        }

        void offer(Instant other) {
            if (other.isBefore(dueAt)) {
                dueAt = other;
            }
        }

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                signal.scheduled(dueAt);
            }
        }
    }
}
