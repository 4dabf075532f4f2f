package io.vigil.ownership.persistence;

import io.vigil.events.roster.OnCallSlot;
import io.vigil.ownership.domain.OnCallOverride;
import io.vigil.ownership.domain.OnCallTimeline;
import io.vigil.ownership.domain.Rotation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The schedule as the projections hold it, as a timeline the queries and the Roster ask. */
@ApplicationScoped
public class OnCallReadModel {
    private final OnCallRotationRepository rotations;
    private final OnCallOverrideRepository overrides;

    public OnCallReadModel(OnCallRotationRepository rotations, OnCallOverrideRepository overrides) {
        this.rotations = rotations;
        this.overrides = overrides;
    }

    @Transactional
    public OnCallTimeline timeline() {
        return new OnCallTimeline(
                rotations.all().stream().map(r -> new Rotation(r.weekStart, r.primary, r.secondary, r.startsAt, r.endsAt)).toList(),
                overrides.inOrderSet().stream().map(o -> new OnCallOverride(o.overrideId, OnCallSlot.valueOf(o.slot.toUpperCase()),
                        o.person, o.from, o.to, o.reason)).toList());
    }
}
