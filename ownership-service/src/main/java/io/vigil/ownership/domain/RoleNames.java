package io.vigil.ownership.domain;

import io.vigil.events.roster.RealmRole;

import java.util.Arrays;
import java.util.Optional;

/** Realm roles by the names the realm and the contract use ({@code ingestion-owner}, not {@code INGESTION_OWNER}). */
public final class RoleNames {
    public static String of(RealmRole role) {
        return role.name().toLowerCase().replace('_', '-');
    }

    public static Optional<RealmRole> parse(String name) {
        return Arrays.stream(RealmRole.values()).filter(r -> of(r).equals(name)).findFirst();
    }

    private RoleNames() {
    }
}
