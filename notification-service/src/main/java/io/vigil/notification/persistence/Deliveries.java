package io.vigil.notification.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The delivery work rows and their attempts; every call runs in the caller's transaction. */
@ApplicationScoped
public class Deliveries {
    private static final String COLUMNS = """
            notification_id, causation_event_id, causation_type, causation_subject, recipient, role, channel, address,
            template, subject, body, status, attempts, next_attempt_at, last_error, created_at, sent_at, failed_at""";
    private final Sql sql;

    public Deliveries(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    /** Records a delivery to make; false when this (cause, recipient, channel) already has one. */
    public boolean insertOnce(DeliveryRow d) {
        return sql.update("INSERT INTO delivery (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, NULL, ?, NULL, NULL) "
                        + "ON CONFLICT DO NOTHING",
                d.notificationId(), d.causationEventId(), d.causationType(), d.causationSubject(), d.recipient(), d.role(),
                d.channel(), d.address(), d.template(), d.subject(), d.body(), d.nextAttemptAt(), d.createdAt()) == 1;
    }

    /**
     * The next due pending delivery of the channel to an address not in {@code closed}, locked for this transaction;
     * other workers and instances skip it.
     */
    public Optional<DeliveryRow> claimDue(String channel, Instant now, java.util.Collection<String> closed) {
        return sql.query("SELECT " + COLUMNS + " FROM delivery WHERE channel = ? AND status = 'pending' AND next_attempt_at <= ? "
                        + "AND NOT (address = ANY (?)) ORDER BY next_attempt_at, notification_id LIMIT 1 FOR UPDATE SKIP LOCKED",
                Deliveries::row, channel, now, closed.toArray(String[]::new)).stream().findFirst();
    }

    public void recordSent(String id, int attempt, Instant at) {
        attempt(id, attempt, at, "sent", null);
        sql.update("UPDATE delivery SET status = 'sent', attempts = ?, sent_at = ?, last_error = NULL WHERE notification_id = ?", attempt, at, id);
    }

    public void recordRetry(String id, int attempt, Instant at, String error, Instant next) {
        attempt(id, attempt, at, "failed", error);
        sql.update("UPDATE delivery SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE notification_id = ?", attempt, error, next, id);
    }

    public void recordFailed(String id, int attempt, Instant at, String error) {
        attempt(id, attempt, at, "failed", error);
        sql.update("UPDATE delivery SET status = 'failed', attempts = ?, last_error = ?, failed_at = ? WHERE notification_id = ?", attempt, error, at, id);
    }

    public Optional<DeliveryRow> find(String id) {
        return sql.query("SELECT " + COLUMNS + " FROM delivery WHERE notification_id = ?", Deliveries::row, id).stream().findFirst();
    }

    public List<AttemptRow> attempts(String id) {
        return sql.query("SELECT attempt, attempted_at, outcome, error FROM delivery_attempt WHERE notification_id = ? ORDER BY attempt",
                rs -> new AttemptRow(rs.getInt(1), Sql.instant(rs, "attempted_at"), rs.getString(3), rs.getString(4)), id);
    }

    /** Deliveries matching the filters that are set, newest first, at most {@code limit}. */
    public List<DeliveryRow> search(String recipient, String causationId, String status, int limit) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (recipient != null) {
            where.append(" AND recipient = ?");
            params.add(recipient);
        }
        if (causationId != null) {
            where.append(" AND causation_event_id = ?");
            params.add(causationId);
        }
        if (status != null) {
            where.append(" AND status = ?");
            params.add(status);
        }
        params.add(limit);
        return sql.query("SELECT " + COLUMNS + " FROM delivery" + where + " ORDER BY created_at DESC, notification_id LIMIT ?",
                Deliveries::row, params.toArray());
    }

    private void attempt(String id, int attempt, Instant at, String outcome, String error) {
        sql.update("INSERT INTO delivery_attempt (notification_id, attempt, attempted_at, outcome, error) VALUES (?, ?, ?, ?, ?)",
                id, attempt, at, outcome, error);
    }

    private static DeliveryRow row(ResultSet rs) throws SQLException {
        return new DeliveryRow(rs.getString("notification_id"), rs.getString("causation_event_id"), rs.getString("causation_type"),
                rs.getString("causation_subject"), rs.getString("recipient"), rs.getString("role"), rs.getString("channel"),
                rs.getString("address"), rs.getString("template"), rs.getString("subject"), rs.getString("body"),
                rs.getString("status"), rs.getInt("attempts"), Sql.instant(rs, "next_attempt_at"), rs.getString("last_error"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "sent_at"), Sql.instant(rs, "failed_at"));
    }
}
