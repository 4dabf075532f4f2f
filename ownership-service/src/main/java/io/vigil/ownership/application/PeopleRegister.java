package io.vigil.ownership.application;

import io.vigil.events.roster.RealmRole;
import io.vigil.ownership.domain.Person;
import io.vigil.ownership.domain.PersonDetails;
import io.vigil.platform.eventstore.Cause;
import io.vigil.platform.eventstore.EventSourcedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Set;

/** Registers people and keeps their details and roles as an administrator describes them. */
@ApplicationScoped
public class PeopleRegister {
    private final EventSourcedRepository people;
    private final Clock clock;

    public PeopleRegister(EventSourcedRepository people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    /** @return whether the person was new */
    @Transactional
    public boolean describe(String username, PersonDetails details, Set<RealmRole> roles, String actor) {
        boolean known = people.load(Person.KIND, username).state().registered();
        people.decide(Person.KIND, username, Cause.actor(actor), p -> p.describe(details, roles, actor, clock.instant()));
        return !known;
    }
}
