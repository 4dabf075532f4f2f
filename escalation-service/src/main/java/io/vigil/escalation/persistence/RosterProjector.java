package io.vigil.escalation.persistence;

import io.vigil.escalation.domain.CopiedStream;
import io.vigil.events.roster.OverrideSet;
import io.vigil.events.roster.PersonRegistered;
import io.vigil.events.roster.RoleGranted;
import io.vigil.events.roster.RoleRevoked;
import io.vigil.events.roster.RotationScheduled;
import io.vigil.platform.eventstore.StoredEvent;
import io.vigil.platform.projection.Projection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;

/**
 * Our copy of the roster ({@code vigil.roster}): people, realm roles, rotations and overrides. {@code shift.started}
 * is kept in the event store but not here: it is derived from rotations and overrides, which answer on-call at any
 * instant. Rebuilt by {@code POST /admin/projections/roster/rebuild}.
 */
@ApplicationScoped
public class RosterProjector implements Projection {
    private final Sql sql;

    public RosterProjector(Sql sql) {
        this.sql = sql;
    }

    @Override
    public String name() {
        return "roster";
    }

    @Override
    public List<String> aggregateTypes() {
        return List.of(CopiedStream.ROSTER.name());
    }

    @Override
    public void clear() {
        sql.update("DELETE FROM roster_person");
        sql.update("DELETE FROM roster_role");
        sql.update("DELETE FROM roster_rotation");
        sql.update("DELETE FROM roster_override");
    }

    @Override
    public void apply(StoredEvent event) {
        switch (event.payload()) {
            case PersonRegistered p -> sql.update("""
                    INSERT INTO roster_person (username, name, email) VALUES (?, ?, ?)
                    ON CONFLICT (username) DO UPDATE SET name = excluded.name, email = excluded.email""",
                    p.username(), p.name(), p.email());
            case RoleGranted g -> sql.update("""
                    INSERT INTO roster_role (username, role, granted_at) VALUES (?, ?, ?)
                    ON CONFLICT (username, role) DO UPDATE SET granted_at = excluded.granted_at""",
                    g.username(), role(g.role()), g.grantedAt());
            case RoleRevoked r -> sql.update("DELETE FROM roster_role WHERE username = ? AND role = ?", r.username(), role(r.role()));
            case RotationScheduled r -> sql.update("""
                    INSERT INTO roster_rotation (week_start, primary_person, secondary_person, starts_at, ends_at, aggregate_version)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (week_start) DO UPDATE SET primary_person = excluded.primary_person,
                        secondary_person = excluded.secondary_person, starts_at = excluded.starts_at,
                        ends_at = excluded.ends_at, aggregate_version = excluded.aggregate_version""",
                    r.weekStart(), r.primary(), r.secondary(), r.startsAt(), r.endsAt(), event.version());
            case OverrideSet o -> sql.update("""
                    INSERT INTO roster_override (override_id, slot, person, from_at, to_at, aggregate_version)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (override_id) DO NOTHING""",
                    o.overrideId(), o.slot().name().toLowerCase(Locale.ROOT), o.person(), o.from(), o.to(), event.version());
            default -> {
            }
        }
    }

    private static String role(Enum<?> role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
