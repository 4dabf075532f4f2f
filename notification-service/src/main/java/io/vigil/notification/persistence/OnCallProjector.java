package io.vigil.notification.persistence;

import io.vigil.events.roster.OverrideSet;
import io.vigil.events.roster.RotationScheduled;
import io.vigil.events.roster.ShiftStarted;
import io.vigil.notification.domain.ReceivedLog;
import io.vigil.platform.eventstore.StoredEvent;
import io.vigil.platform.projection.Projection;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.util.List;

/** Keeps the on-call rotations, overrides and shifts as the schedule events say; the latest event wins. */
@ApplicationScoped
public class OnCallProjector implements Projection {
    private final Sql sql;

    public OnCallProjector(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public String name() {
        return "oncall-schedule";
    }

    @Override
    public List<String> aggregateTypes() {
        return List.of(ReceivedLog.ONCALL.name());
    }

    @Override
    public void clear() {
        sql.update("DELETE FROM oncall_rotation");
        sql.update("DELETE FROM oncall_override");
        sql.update("DELETE FROM oncall_shift");
    }

    @Override
    public void apply(StoredEvent event) {
        switch (event.payload()) {
            case RotationScheduled r -> sql.update("""
                    INSERT INTO oncall_rotation (week_start, primary_person, secondary_person, starts_at, ends_at, aggregate_version)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (week_start) DO UPDATE SET primary_person = excluded.primary_person,
                        secondary_person = excluded.secondary_person, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                        aggregate_version = excluded.aggregate_version""",
                    r.weekStart(), r.primary(), r.secondary(), r.startsAt(), r.endsAt(), event.version());
            case OverrideSet o -> sql.update("""
                    INSERT INTO oncall_override (override_id, slot, person, from_at, to_at, aggregate_version)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (override_id) DO UPDATE SET slot = excluded.slot, person = excluded.person,
                        from_at = excluded.from_at, to_at = excluded.to_at, aggregate_version = excluded.aggregate_version""",
                    o.overrideId(), o.slot().name().toLowerCase(java.util.Locale.ROOT), o.person(), o.from(), o.to(), event.version());
            case ShiftStarted s -> sql.update("""
                    INSERT INTO oncall_shift (from_at, to_at, primary_person, secondary_person, aggregate_version)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (from_at) DO UPDATE SET to_at = excluded.to_at, primary_person = excluded.primary_person,
                        secondary_person = excluded.secondary_person, aggregate_version = excluded.aggregate_version""",
                    s.from(), s.to(), s.primary(), s.secondary(), event.version());
            default -> {
            }
        }
    }
}
