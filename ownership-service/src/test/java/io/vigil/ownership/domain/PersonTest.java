package io.vigil.ownership.domain;

import io.vigil.events.EventPayload;
import io.vigil.events.roster.PersonRegistered;
import io.vigil.events.roster.RealmRole;
import io.vigil.events.roster.RoleGranted;
import io.vigil.events.roster.RoleRevoked;
import io.vigil.platform.domain.Decision;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PersonTest {
    static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");
    static final PersonDetails DETAILS = new PersonDetails("Ada", "ada@vigil.local", "@ada", null, "Europe/Berlin");

    Person person = Person.KIND.initial("ada");

    Decision describe(PersonDetails details, Set<RealmRole> roles) {
        Decision d = person.describe(details, roles, "admin", NOW);
        for (EventPayload e : d.events()) {
            person = Person.KIND.apply(person, e);
        }
        return d;
    }

    @Test
    void shouldRegisterWithRolesAsFactsNoRuleWeighed() {
        Decision d = describe(DETAILS, Set.of(RealmRole.ENGINEER, RealmRole.SRE_LEAD));
        assertThat(d.rule()).isNull();
        assertThat(d.events()).hasSize(3);
        assertThat(d.events().get(0)).isInstanceOfSatisfying(PersonRegistered.class, r -> {
            assertThat(r.username()).isEqualTo("ada");
            assertThat(r.timeZone()).isEqualTo("Europe/Berlin");
        });
        assertThat(d.events().subList(1, 3)).allSatisfy(e -> assertThat(e).isInstanceOf(RoleGranted.class));
        assertThat(person.registered()).isTrue();
        assertThat(person.roles()).containsExactlyInAnyOrder(RealmRole.ENGINEER, RealmRole.SRE_LEAD);
    }

    @Test
    void shouldDecideNothingForTheSameDescriptionAndOnlyTheChangeOtherwise() {
        describe(DETAILS, Set.of(RealmRole.ENGINEER));
        assertThat(describe(DETAILS, Set.of(RealmRole.ENGINEER)).isEmpty()).isTrue();

        Decision d = describe(new PersonDetails("Ada", "ada@example.com", "@ada", null, "Europe/Berlin"), Set.of(RealmRole.ADMIN));
        assertThat(d.events()).hasSize(3);
        assertThat(d.events().get(0)).isInstanceOfSatisfying(PersonRegistered.class, r -> assertThat(r.email()).isEqualTo("ada@example.com"));
        assertThat(d.events().get(1)).isInstanceOfSatisfying(RoleRevoked.class, r -> assertThat(r.role()).isEqualTo(RealmRole.ENGINEER));
        assertThat(d.events().get(2)).isInstanceOfSatisfying(RoleGranted.class, r -> {
            assertThat(r.role()).isEqualTo(RealmRole.ADMIN);
            assertThat(r.grantedBy()).isEqualTo("admin");
        });
    }
}
