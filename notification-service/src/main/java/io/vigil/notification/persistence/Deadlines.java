package io.vigil.notification.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The notification deadlines and the deliveries that answer them; every call runs in the caller's transaction. */
@ApplicationScoped
public class Deadlines {
    private static final String COLUMNS = """
            deadline_id, causation_event_id, causation_type, causation_subject, recipient, role, due_at, state,
            delivered_at, decided_at, created_at""";

    /** One delivery for a deadline: its id, status and when it was sent (null unless sent). */
    public record Send(String notificationId, String status, Instant sentAt) {
    }

    private final Sql sql;

    public Deadlines(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    /** False when this (cause, recipient) has a deadline already. */
    public boolean insertOnce(DeadlineRow d) {
        return sql.update("INSERT INTO notification_deadline (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', NULL, NULL, ?) "
                        + "ON CONFLICT DO NOTHING", d.deadlineId(), d.causationEventId(), d.causationType(), d.causationSubject(),
                d.recipient(), d.role(), d.dueAt(), d.createdAt()) == 1;
    }

    /** The deadline, locked for this transaction. */
    public Optional<DeadlineRow> lock(String id) {
        return sql.query("SELECT " + COLUMNS + " FROM notification_deadline WHERE deadline_id = ? FOR UPDATE", Deadlines::row, id)
                .stream().findFirst();
    }

    public List<Send> sends(String causationEventId, String recipient) {
        return sql.query("SELECT notification_id, status, sent_at FROM delivery WHERE causation_event_id = ? AND recipient = ? ORDER BY notification_id",
                rs -> new Send(rs.getString(1), rs.getString(2), Sql.instant(rs, "sent_at")), causationEventId, recipient);
    }

    public void decide(String id, String state, Instant deliveredAt, Instant at) {
        sql.update("UPDATE notification_deadline SET state = ?, delivered_at = ?, decided_at = ? WHERE deadline_id = ?",
                state, deliveredAt, at, id);
    }

    /** Deadlines matching the filters that are set, latest due first, at most {@code limit}. */
    public List<DeadlineRow> search(String recipient, String causationId, String state, int limit) {
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
        if (state != null) {
            where.append(" AND state = ?");
            params.add(state);
        }
        params.add(limit);
        return sql.query("SELECT " + COLUMNS + " FROM notification_deadline" + where + " ORDER BY due_at DESC, deadline_id LIMIT ?",
                Deadlines::row, params.toArray());
    }

    private static DeadlineRow row(ResultSet rs) throws SQLException {
        return new DeadlineRow(rs.getString("deadline_id"), rs.getString("causation_event_id"), rs.getString("causation_type"),
                rs.getString("causation_subject"), rs.getString("recipient"), rs.getString("role"), Sql.instant(rs, "due_at"),
                rs.getString("state"), Sql.instant(rs, "delivered_at"), Sql.instant(rs, "decided_at"), Sql.instant(rs, "created_at"));
    }
}
