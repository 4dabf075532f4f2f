package io.vigil.escalation.domain;

import io.vigil.events.DutyRole;
import io.vigil.policy.Role;

import java.util.Optional;
import java.util.Set;

/**
 * In which capacity a person acts at one instant: "on-call" is whoever is primary or secondary now per the roster
 * (never a static role); a realm role is held when the token carries it or our roster copy grants it (the ingestion
 * owner resolved as the ladder resolves it); "anyone" is every signed-in person.
 *
 * @param username   the token's subject
 * @param realmRoles the token's realm roles
 */
public record KillSwitchAuthority(String username, Set<String> realmRoles, Duty duty) {

    /** The capacity in which {@code username} holds {@code role} now, if they do; {@code ANYONE} holds as nobody in particular. */
    public Optional<DutyRole> capacity(Role role) {
        return switch (role) {
            case ON_CALL -> slot(Role.ON_CALL_PRIMARY).or(() -> slot(Role.ON_CALL_SECONDARY));
            case ON_CALL_PRIMARY, ON_CALL_SECONDARY -> slot(role);
            case ANYONE, ALL_STAKEHOLDERS, AUDITOR, ADMIN, EVENT_PUBLISHER, ENGINEER -> Optional.empty();
            default -> realmRoles.contains(role.id()) || duty.holders(role).contains(username)
                    ? Optional.of(DutyRole.valueOf(role.name())) : Optional.empty();
        };
    }

    /** Whether {@code username} may act as {@code role} now. */
    public boolean holds(Role role) {
        return role == Role.ANYONE || capacity(role).isPresent();
    }

    private Optional<DutyRole> slot(Role slot) {
        return duty.holders(slot).contains(username) ? Optional.of(DutyRole.valueOf(slot.name())) : Optional.empty();
    }

    /** A policy role as the events name it; "on-call" as the primary's slot. */
    public static DutyRole dutyRole(Role role) {
        return role == Role.ON_CALL ? DutyRole.ON_CALL_PRIMARY : DutyRole.valueOf(role.name());
    }
}
