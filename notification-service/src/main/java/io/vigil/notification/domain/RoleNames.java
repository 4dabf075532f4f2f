package io.vigil.notification.domain;

import io.vigil.events.DutyRole;
import io.vigil.events.roster.RealmRole;
import io.vigil.policy.Role;

/** The one spelling of every role: lower-case kebab case, as the contract and the policy write them. */
public final class RoleNames {
    private RoleNames() {
    }

    public static String of(DutyRole role) {
        return kebab(role.name());
    }

    public static String of(RealmRole role) {
        return kebab(role.name());
    }

    public static String of(Role role) {
        return role.id();
    }

    private static String kebab(String constant) {
        return constant.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
