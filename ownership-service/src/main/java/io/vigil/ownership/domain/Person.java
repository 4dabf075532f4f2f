package io.vigil.ownership.domain;

import io.vigil.events.EventPayload;
import io.vigil.events.roster.PersonRegistered;
import io.vigil.events.roster.RealmRole;
import io.vigil.events.roster.RoleGranted;
import io.vigil.events.roster.RoleRevoked;
import io.vigil.platform.domain.AggregateKind;
import io.vigil.platform.domain.Decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A person of the roster, keyed by username (the OIDC {@code preferred_username}). A change of contact details
 * is published as {@code person.registered} again (the contract: the latest one wins), so consumers keep one
 * upsert; roles travel as grants and revocations.
 */
public record Person(String username, PersonDetails details, Set<RealmRole> roles) {
    public static final AggregateKind<Person> KIND = new AggregateKind<>() {
        @Override
        public String name() {
            return "person";
        }

        @Override
        public Person initial(String id) {
            return new Person(id, null, Set.of());
        }

        @Override
        public Person apply(Person p, EventPayload event) {
            return switch (event) {
                case PersonRegistered r -> new Person(p.username, new PersonDetails(r.name(), r.email(), r.slack(),
                        r.webhookUrl(), r.timeZone()), p.roles);
                case RoleGranted g -> p.withRoles(g.role(), true);
                case RoleRevoked r -> p.withRoles(r.role(), false);
                default -> p;
            };
        }
    };

    public boolean registered() {
        return details != null;
    }

    /**
     * The person as an administrator describes them: details published if new or changed, roles granted and
     * revoked to match. The same description twice decides nothing, so seeding is idempotent.
     */
    public Decision describe(PersonDetails wanted, Set<RealmRole> wantedRoles, String by, Instant now) {
        List<EventPayload> events = new ArrayList<>();
        if (!wanted.equals(details)) {
            events.add(new PersonRegistered(username, wanted.name(), wanted.email(), wanted.slack(),
                    wanted.webhookUrl(), wanted.timeZone(), now));
        }
        for (RealmRole role : RealmRole.values()) {
            if (wantedRoles.contains(role) && !roles.contains(role)) {
                events.add(new RoleGranted(username, role, by, now));
            } else if (!wantedRoles.contains(role) && roles.contains(role)) {
                events.add(new RoleRevoked(username, role, by, now));
            }
        }
        return Decision.record(events.toArray(EventPayload[]::new));
    }

    private Person withRoles(RealmRole role, boolean granted) {
        Set<RealmRole> next = roles.isEmpty() ? EnumSet.noneOf(RealmRole.class) : EnumSet.copyOf(roles);
        if (granted) {
            next.add(role);
        } else {
            next.remove(role);
        }
        return new Person(username, details, Collections.unmodifiableSet(next));
    }
}
