package io.vigil.ownership.persistence;

import io.vigil.events.roster.PersonRegistered;
import io.vigil.events.roster.RealmRole;
import io.vigil.events.roster.RoleGranted;
import io.vigil.events.roster.RoleRevoked;
import io.vigil.ownership.domain.Person;
import io.vigil.ownership.domain.RoleNames;
import io.vigil.platform.eventstore.StoredEvent;
import io.vigil.platform.projection.Projection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.TreeSet;

/** Keeps {@code person} in step with the person events; copies what they say, decides nothing. */
@ApplicationScoped
public class PersonProjector implements Projection {
    private final PersonRepository people;

    public PersonProjector(PersonRepository people) {
        this.people = people;
    }

    @Override
    public String name() {
        return "person";
    }

    @Override
    public List<String> aggregateTypes() {
        return List.of(Person.KIND.name());
    }

    @Override
    public void clear() {
        people.deleteAll();
    }

    @Override
    public void apply(StoredEvent event) {
        switch (event.payload()) {
            case PersonRegistered r -> {
                PersonEntity p = people.findByIdOptional(r.username()).orElse(null);
                boolean fresh = p == null;
                if (fresh) {
                    p = new PersonEntity();
                    p.username = r.username();
                    p.registeredAt = r.registeredAt();
                }
                p.name = r.name();
                p.email = r.email();
                p.slack = r.slack();
                p.webhookUrl = r.webhookUrl();
                p.timeZone = r.timeZone();
                p.updatedAt = r.registeredAt();
                p.aggregateVersion = event.version();
                if (fresh) {
                    people.persist(p);
                }
            }
            case RoleGranted g -> changeRole(event, g.role(), true);
            case RoleRevoked r -> changeRole(event, r.role(), false);
            default -> people.findByIdOptional(event.aggregateId()).ifPresent(p -> p.aggregateVersion = event.version());
        }
    }

    private void changeRole(StoredEvent event, RealmRole role, boolean granted) {
        people.findByIdOptional(event.aggregateId()).ifPresent(p -> {
            TreeSet<String> roles = new TreeSet<>(List.of(p.roles));
            if (granted) {
                roles.add(RoleNames.of(role));
            } else {
                roles.remove(RoleNames.of(role));
            }
            p.roles = roles.toArray(String[]::new);
            p.aggregateVersion = event.version();
        });
    }
}
