package io.vigil.platform.timer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Fires due timers in due order, each in its own transaction with its handler's effect. Rows are claimed
 * with FOR UPDATE SKIP LOCKED, so several instances never fire the same timer. A handler that fails is
 * retried later with growing delay; after {@value #MAX_ATTEMPTS} attempts the timer is set aside with its error.
 */
@ApplicationScoped
public class TimerPoller {
    static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = Logger.getLogger(TimerPoller.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<String, TimerHandler> handlers;

    public TimerPoller(DataSource dataSource, Clock clock, Instance<TimerHandler> handlers) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.handlers = handlers.stream().collect(Collectors.toMap(TimerHandler::kind, Function.identity()));
    }

    @Scheduled(every = "${vigil.timers.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        fireDue();
    }

    /** Fires every timer due now; returns how many fired. */
    public synchronized int fireDue() {
        int fired = 0;
        while (fireNext()) {
            fired++;
        }
        return fired;
    }

    private boolean fireNext() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Optional<DueTimer> next = claimNext();
                if (next.isEmpty()) {
                    return false;
                }
                DueTimer timer = next.get();
                TimerHandler handler = handlers.get(timer.kind());
                if (handler == null) {
                    throw new IllegalStateException("no handler for timer kind " + timer.kind());
                }
                handler.fire(timer);
                markFired(timer.id());
                return true;
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "timer failed; it will be retried");
            QuarkusTransaction.requiringNew().run(this::postponeFirstDue);
            return true;
        }
    }

    private Optional<DueTimer> claimNext() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT id, kind, aggregate_id, due_at, payload FROM timer
                     WHERE fired_at IS NULL AND cancelled_at IS NULL AND due_at <= ?
                     ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new DueTimer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)))
                        : Optional.empty();
            }
        }
    }

    private void markFired(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE timer SET fired_at = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** The failing timer is the first due one; push it back, and set it aside once it has failed too often. */
    private void postponeFirstDue() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     UPDATE timer SET attempts = attempts + 1,
                            due_at = due_at + make_interval(secs => 30 * (attempts + 1)),
                            cancelled_at = CASE WHEN attempts + 1 >= ? THEN now() END
                     WHERE id = (SELECT id FROM timer WHERE fired_at IS NULL AND cancelled_at IS NULL AND due_at <= ?
                                 ORDER BY due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)""")) {
            ps.setInt(1, MAX_ATTEMPTS);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot postpone failing timer", e);
        }
    }
}
