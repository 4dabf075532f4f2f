package io.vigil.platform.timer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The firing statements on the timer table. Every "now" is the service's clock, passed in: with clock control
 * the database's now() would disagree with the time the rules read.
 */
final class TimerStore {
    static final String PENDING = "fired_at IS NULL AND cancelled_at IS NULL AND failed_at IS NULL";
    private static final String COLUMNS = "id, kind, aggregate_id, due_at, payload, attempts";
    // next_attempt_at is never before due_at, so "due_at <= now" only narrows the index range to walk in due order.
    private static final String DUE = PENDING + " AND due_at <= ? AND coalesce(next_attempt_at, due_at) <= ?";

    private TimerStore() {
    }

    /** Locks up to {@code limit} due timers in due order, skipping those another firer holds. */
    static List<DueTimer> claimDue(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM timer WHERE " + DUE
                + " ORDER BY due_at, id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setInt(3, limit);
            return read(ps);
        }
    }

    /** Locks this timer if it is still due and nobody else holds it. */
    static Optional<DueTimer> claimOne(Connection c, long id, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM timer WHERE id = ? AND " + DUE
                + " FOR UPDATE SKIP LOCKED")) {
            ps.setLong(1, id);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now));
            return read(ps).stream().findFirst();
        }
    }

    static void markFired(Connection c, List<Long> ids, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE timer SET fired_at = ? WHERE id = ANY (?)")) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setArray(2, array);
            ps.executeUpdate();
        }
    }

    /**
     * Records a failed attempt, unless the timer fired, was cancelled or had this attempt recorded meanwhile
     * (another firer may have taken it after the failed transaction let go of it).
     * @param nextAttemptAt null when the timer is failed for good
     * @return whether the attempt was recorded
     */
    static boolean recordFailure(Connection c, DueTimer timer, String error, Instant nextAttemptAt, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE timer SET attempts = ?, last_error = ?, next_attempt_at = ?, failed_at = ?
                WHERE id = ? AND attempts = ? AND""" + " " + PENDING)) {
            ps.setInt(1, timer.attempt());
            ps.setString(2, error);
            ps.setTimestamp(3, nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt));
            ps.setTimestamp(4, nextAttemptAt == null ? Timestamp.from(now) : null);
            ps.setLong(5, timer.id());
            ps.setInt(6, timer.attempt() - 1);
            return ps.executeUpdate() == 1;
        }
    }

    /** When the next pending timer is due (or due for its next attempt). */
    static Optional<Instant> nextDue(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT min(coalesce(next_attempt_at, due_at)) FROM timer WHERE " + PENDING);
             ResultSet rs = ps.executeQuery()) {
            Timestamp next = rs.next() ? rs.getTimestamp(1) : null;
            return Optional.ofNullable(next).map(Timestamp::toInstant);
        }
    }

    private static List<DueTimer> read(PreparedStatement ps) throws SQLException {
        List<DueTimer> timers = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                timers.add(new DueTimer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getString(5), rs.getInt(6) + 1));
            }
        }
        return timers;
    }
}
