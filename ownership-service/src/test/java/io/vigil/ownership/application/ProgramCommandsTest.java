package io.vigil.ownership.application;

import io.vigil.ownership.domain.ProgramActor;
import io.vigil.policy.PolicyLoader;
import io.vigil.policy.Role;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Who asks: realm roles from the token, the on-call duty from the roster at that instant, never from the token. */
class ProgramCommandsTest {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static class FakeRoster implements Roster {
        Instant askedAt;

        @Override
        public boolean isRegistered(String username) {
            return true;
        }

        @Override
        public Optional<OnCall> onCallAt(Instant instant) {
            askedAt = instant;
            return Optional.of(new OnCall("oncall-1", "oncall-2", NOW.minusSeconds(3600), NOW.plusSeconds(3600)));
        }
    }

    final FakeRoster roster = new FakeRoster();
    final ProgramCommands commands = new ProgramCommands(null, new PolicyLoader().loadDefault().policy(),
            Clock.fixed(NOW, ZoneOffset.UTC), roster);

    @Test
    void shouldReadTheOnCallDutyFromTheRosterAtThisInstant() {
        assertThat(commands.actor("oncall-1", Set.of("engineer")).onCallDuty()).isEqualTo(Role.ON_CALL_PRIMARY);
        assertThat(commands.actor("oncall-2", Set.of("engineer")).onCallDuty()).isEqualTo(Role.ON_CALL_SECONDARY);
        assertThat(commands.actor("oncall-3", Set.of("engineer")).onCallDuty()).isNull();
        assertThat(roster.askedAt).isEqualTo(NOW);
    }

    @Test
    void shouldTakeRealmRolesFromTheTokenButNoDutyAndNoUnknownRole() {
        ProgramActor actor = commands.actor("oncall-3", Set.of("ingestion-owner", "on-call", "on-call-primary", "offline_access"));
        assertThat(actor.realmRoles()).containsExactly(Role.INGESTION_OWNER);
        assertThat(actor.holds(Role.ON_CALL)).isFalse();
    }
}
