package io.vigil.ownership.persistence;

import io.vigil.ownership.application.Roster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;

/** The {@link Roster} of this service: its people and on-call projections, read in the caller's transaction. */
@ApplicationScoped
public class RosterReadModel implements Roster {
    private final PersonRepository people;
    private final OnCallReadModel schedule;

    public RosterReadModel(PersonRepository people, OnCallReadModel schedule) {
        this.people = people;
        this.schedule = schedule;
    }

    @Override
    @Transactional
    public boolean isRegistered(String username) {
        return username != null && people.findByIdOptional(username).isPresent();
    }

    @Override
    @Transactional
    public Optional<OnCall> onCallAt(Instant instant) {
        return schedule.timeline().coverAt(instant)
                .map(c -> new OnCall(c.primary(), c.secondary(), c.from(), c.until()));
    }
}
