package io.vigil.escalation.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Answers from our copies of the roster and the deploy windows: who is on call, who holds a role, who owns a window. */
@ApplicationScoped
public class RosterReadModel {
    public record OpenWindow(String deployId, String owner) {
    }

    private final Sql sql;

    public RosterReadModel(Sql sql) {
        this.sql = sql;
    }

    /**
     * The person in {@code slot} ({@code primary} / {@code secondary}) at {@code at}: the latest override covering the
     * instant, else the rotation week covering it; empty when neither does.
     */
    public Optional<String> onCall(String slot, Instant at) {
        List<String> override = sql.query("""
                SELECT person FROM roster_override WHERE slot = ? AND from_at <= ? AND to_at > ?
                ORDER BY aggregate_version DESC LIMIT 1""", rs -> rs.getString(1), slot, at, at);
        if (!override.isEmpty()) {
            return Optional.of(override.get(0));
        }
        String column = slot.equals("primary") ? "primary_person" : "secondary_person";
        return sql.query("SELECT " + column + " FROM roster_rotation WHERE starts_at <= ? AND ends_at > ? ORDER BY starts_at DESC LIMIT 1",
                rs -> rs.getString(1), at, at).stream().findFirst();
    }

    /** Everyone holding a realm role, by name: the ladder reaches each of them. */
    public List<String> holdersOf(String role) {
        return sql.query("SELECT username FROM roster_role WHERE role = ? ORDER BY username", rs -> rs.getString(1), role);
    }

    /** The deploy window open on {@code service} at {@code at}, the latest started if several are. */
    public Optional<OpenWindow> openWindow(String service, Instant at) {
        return sql.query("""
                SELECT deploy_id, owner FROM deploy_window WHERE service = ? AND window_starts_at <= ? AND window_ends_at > ?
                AND (released_at IS NULL OR released_at > ?) ORDER BY window_starts_at DESC LIMIT 1""",
                rs -> new OpenWindow(rs.getString(1), rs.getString(2)), service, at, at, at).stream().findFirst();
    }
}
