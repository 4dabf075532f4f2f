package io.vigil.platform.timer;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Timers by state, for operators: what is waiting, what failed for good, what fired lately. */
@ApplicationScoped
public class TimerListing {
    public enum State {
        PENDING(TimerStore.PENDING, "coalesce(next_attempt_at, due_at), id"),
        FAILED("failed_at IS NOT NULL", "failed_at DESC, id DESC"),
        FIRED("fired_at IS NOT NULL", "fired_at DESC, id DESC");

        private final String where;
        private final String order;

        State(String where, String order) {
            this.where = where;
            this.order = order;
        }
    }

    public record TimerView(long id, String kind, String aggregateId, Instant dueAt, int attempts, Instant nextAttemptAt,
                            String lastError, Instant failedAt, Instant firedAt) {
    }

    private final DataSource dataSource;

    public TimerListing(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<TimerView> list(State state, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT id, kind, aggregate_id, due_at, attempts, next_attempt_at, last_error, failed_at, fired_at
                     FROM timer WHERE %s ORDER BY %s LIMIT ?""".formatted(state.where, state.order))) {
            ps.setInt(1, limit);
            List<TimerView> timers = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    timers.add(new TimerView(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4), rs.getInt(5),
                            instant(rs, 6), rs.getString(7), instant(rs, 8), instant(rs, 9)));
                }
            }
            return timers;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list " + state + " timers", e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
