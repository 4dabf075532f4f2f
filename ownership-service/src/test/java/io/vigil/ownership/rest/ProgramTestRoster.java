package io.vigil.ownership.rest;

import io.vigil.ownership.application.Roster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.time.Instant;
import java.util.Optional;

/** A roster whose on-call pair a test sets; enabled only by the profile of {@link ProgramOnCallRollbackIT}. */
@Alternative
@ApplicationScoped
public class ProgramTestRoster implements Roster {
    private static volatile Roster.OnCall current;

    static void onCall(String primary, String secondary) {
        current = primary == null ? null : new Roster.OnCall(primary, secondary, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    }

    @Override
    public boolean isRegistered(String username) {
        return true;
    }

    @Override
    public Optional<OnCall> onCallAt(Instant instant) {
        return Optional.ofNullable(current);
    }
}
