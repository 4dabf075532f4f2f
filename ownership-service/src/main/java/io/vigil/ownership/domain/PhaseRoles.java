package io.vigil.ownership.domain;

import io.vigil.events.DutyRole;
import io.vigil.policy.Policy;
import io.vigil.policy.Role;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The policy's roles as the phase events spell them, and as a person reads them in a refusal. */
final class PhaseRoles {

    static DutyRole duty(Role role) {
        try {
            return DutyRole.valueOf(role.name());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("role " + role.id() + " of the phases policy has no spelling in the events", e);
        }
    }

    /** Whom a rule informs or notifies: all-stakeholders expanded, on-call as both duties. */
    static List<DutyRole> audience(List<Role> roles, Policy policy) {
        Set<DutyRole> all = new LinkedHashSet<>();
        for (Role role : policy.expand(roles)) {
            if (role == Role.ON_CALL) {
                all.add(DutyRole.ON_CALL_PRIMARY);
                all.add(DutyRole.ON_CALL_SECONDARY);
            } else {
                all.add(duty(role));
            }
        }
        return List.copyOf(all);
    }

    static List<DutyRole> duties(List<Role> roles) {
        return roles.stream().map(PhaseRoles::duty).toList();
    }

    static String id(DutyRole role) {
        return role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static String spelt(List<Role> roles) {
        return roles.stream().map(Role::id).collect(Collectors.joining(", "));
    }

    private PhaseRoles() {
    }
}
