package io.vigil.ownership.persistence;

import io.vigil.events.roster.OverrideSet;
import io.vigil.events.roster.RotationScheduled;
import io.vigil.ownership.domain.OnCallSchedule;
import io.vigil.platform.eventstore.StoredEvent;
import io.vigil.platform.projection.Projection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Keeps {@code oncall_rotation} and {@code oncall_override} in step with the schedule's events; decides nothing. */
@ApplicationScoped
public class OnCallProjector implements Projection {
    private final OnCallRotationRepository rotations;
    private final OnCallOverrideRepository overrides;

    public OnCallProjector(OnCallRotationRepository rotations, OnCallOverrideRepository overrides) {
        this.rotations = rotations;
        this.overrides = overrides;
    }

    @Override
    public String name() {
        return "oncall";
    }

    @Override
    public List<String> aggregateTypes() {
        return List.of(OnCallSchedule.KIND.name());
    }

    @Override
    public void clear() {
        rotations.deleteAll();
        overrides.deleteAll();
    }

    @Override
    public void apply(StoredEvent event) {
        switch (event.payload()) {
            case RotationScheduled r -> {
                OnCallRotationEntity week = rotations.findByIdOptional(r.weekStart()).orElse(null);
                boolean fresh = week == null;
                if (fresh) {
                    week = new OnCallRotationEntity();
                    week.weekStart = r.weekStart();
                }
                week.primary = r.primary();
                week.secondary = r.secondary();
                week.timeZone = r.timeZone();
                week.startsAt = r.startsAt();
                week.endsAt = r.endsAt();
                week.scheduledAt = r.scheduledAt();
                week.aggregateVersion = event.version();
                if (fresh) {
                    rotations.persist(week);
                }
            }
            case OverrideSet o -> {
                OnCallOverrideEntity override = new OnCallOverrideEntity();
                override.overrideId = o.overrideId();
                override.slot = o.slot().name().toLowerCase();
                override.person = o.person();
                override.replaces = o.replaces();
                override.from = o.from();
                override.to = o.to();
                override.reason = o.reason();
                override.setAt = o.setAt();
                override.aggregateVersion = event.version();
                overrides.persist(override);
            }
            default -> {
                // shift.started changes no stored row: the cover is computed from weeks and overrides
            }
        }
    }
}
