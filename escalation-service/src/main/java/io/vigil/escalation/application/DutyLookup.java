package io.vigil.escalation.application;

import io.vigil.escalation.domain.Duty;
import io.vigil.escalation.persistence.RosterReadModel;
import io.vigil.policy.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Who holds each role at an instant, for an incident on a service, from our copies of the roster and the windows. */
@ApplicationScoped
public class DutyLookup {
    private final RosterReadModel roster;

    public DutyLookup(RosterReadModel roster) {
        this.roster = roster;
    }

    public Duty at(Instant at, String service) {
        return role -> switch (role) {
            case ON_CALL_PRIMARY -> roster.onCall("primary", at).stream().toList();
            case ON_CALL_SECONDARY -> roster.onCall("secondary", at).stream().toList();
            case INGESTION_OWNER -> (service == null ? Optional.<RosterReadModel.OpenWindow>empty() : roster.openWindow(service, at))
                    .map(w -> List.of(w.owner()))
                    .orElseGet(() -> roster.holdersOf(Role.INGESTION_OWNER.id()));
            default -> roster.holdersOf(role.id());
        };
    }
}
