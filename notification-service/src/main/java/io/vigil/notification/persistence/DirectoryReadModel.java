package io.vigil.notification.persistence;

import io.vigil.notification.domain.Contact;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the contact directory and the on-call schedule at an instant. */
@ApplicationScoped
public class DirectoryReadModel {
    private final Sql sql;

    public DirectoryReadModel(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    public Optional<Contact> contact(String username) {
        return sql.query("SELECT username, name, email, slack, webhook_url, time_zone FROM contact WHERE username = ?",
                rs -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)), username).stream().findFirst();
    }

    /** Who held the realm role at that instant, by username. */
    public List<String> holders(String role, Instant at) {
        return sql.query("""
                SELECT DISTINCT username FROM role_grant
                WHERE role = ? AND granted_at <= ? AND (revoked_at IS NULL OR revoked_at > ?) ORDER BY username""",
                rs -> rs.getString(1), role, at, at);
    }

    /** The person in the on-call slot ({@code primary} or {@code secondary}) at that instant. */
    public Optional<String> onCall(String slot, Instant at) {
        String column = "primary".equals(slot) ? "primary_person" : "secondary_person";
        Optional<String> shift = sql.query("SELECT " + column + " FROM oncall_shift WHERE from_at <= ? AND ? < to_at "
                + "ORDER BY aggregate_version DESC LIMIT 1", rs -> rs.getString(1), at, at).stream().findFirst();
        if (shift.isPresent()) {
            return shift;
        }
        Optional<String> override = sql.query("SELECT person FROM oncall_override WHERE slot = ? AND from_at <= ? AND ? < to_at "
                + "ORDER BY aggregate_version DESC LIMIT 1", rs -> rs.getString(1), slot, at, at).stream().findFirst();
        if (override.isPresent()) {
            return override;
        }
        return sql.query("SELECT " + column + " FROM oncall_rotation WHERE starts_at <= ? AND ? < ends_at "
                + "ORDER BY aggregate_version DESC LIMIT 1", rs -> rs.getString(1), at, at).stream().findFirst();
    }
}
