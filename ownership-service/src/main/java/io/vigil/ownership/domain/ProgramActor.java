package io.vigil.ownership.domain;

import io.vigil.events.DutyRole;
import io.vigil.policy.Role;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who asks, as a programme's rules see them: the username, their realm roles, and their on-call duty at this instant
 * ({@link Role#ON_CALL_PRIMARY}, {@link Role#ON_CALL_SECONDARY}, or null), read from the roster by the caller.
 */
public record ProgramActor(String username, Set<Role> realmRoles, Role onCallDuty) {
    public ProgramActor {
        realmRoles = Set.copyOf(realmRoles);
    }

    /** The first role of {@code wanted} (in its order) this person holds now, as the events spell it. */
    public Optional<DutyRole> firstHeld(List<Role> wanted) {
        return wanted.stream().filter(this::holds).findFirst().map(this::asDuty);
    }

    /** The roles of {@code wanted} this person holds now, in the order of {@code wanted}. */
    public List<DutyRole> held(List<Role> wanted) {
        return wanted.stream().filter(this::holds).map(this::asDuty).toList();
    }

    public boolean holds(Role role) {
        return switch (role) {
            case ON_CALL -> onCallDuty != null;
            case ON_CALL_PRIMARY, ON_CALL_SECONDARY -> role == onCallDuty;
            case ANYONE -> true;
            default -> realmRoles.contains(role);
        };
    }

    /** "On-call" is recorded as the duty held at that instant: primary or secondary. */
    private DutyRole asDuty(Role role) {
        return PhaseRoles.duty(role == Role.ON_CALL ? onCallDuty : role);
    }
}
