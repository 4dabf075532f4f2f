package io.vigil.escalation.application;

import io.vigil.escalation.domain.Duty;
import io.vigil.escalation.persistence.RosterReadModel;
import io.vigil.policy.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Who holds each role at an instant, for an incident on a service, from our copies of the roster and the windows. */
@ApplicationScoped
public class DutyLookup {
    private final RosterReadModel roster;

    public DutyLookup(RosterReadModel roster) {
        this.roster = roster;
    }

    public Duty at(Instant at, String service) {
        return role -> switch (role) {
            case ON_CALL_PRIMARY -> roster.onCall("primary", at).orElse(null);
            case ON_CALL_SECONDARY -> roster.onCall("secondary", at).orElse(null);
            case INGESTION_OWNER -> (service == null ? java.util.Optional.<RosterReadModel.OpenWindow>empty() : roster.openWindow(service, at))
                    .map(RosterReadModel.OpenWindow::owner)
                    .orElseGet(() -> roster.holderOf(Role.INGESTION_OWNER.id()).orElse(null));
            default -> roster.holderOf(role.id()).orElse(null);
        };
    }
}
