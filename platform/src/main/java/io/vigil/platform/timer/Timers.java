package io.vigil.platform.timer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Schedules and cancels durable timers in the caller's transaction, next to the event that wants them. */
@ApplicationScoped
public class Timers {
    private final DataSource dataSource;

    public Timers(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(String kind, String aggregateId, Instant dueAt, String payload) {
        update("INSERT INTO timer (kind, aggregate_id, due_at, payload) VALUES (?, ?, ?, ?)", ps -> {
            ps.setString(1, kind);
            ps.setString(2, aggregateId);
            ps.setTimestamp(3, Timestamp.from(dueAt));
            ps.setString(4, payload);
        });
    }

    /** Cancels every pending timer of this kind for the aggregate. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(String kind, String aggregateId) {
        update("UPDATE timer SET cancelled_at = now() WHERE kind = ? AND aggregate_id = ? AND fired_at IS NULL AND cancelled_at IS NULL", ps -> {
            ps.setString(1, kind);
            ps.setString(2, aggregateId);
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
}
