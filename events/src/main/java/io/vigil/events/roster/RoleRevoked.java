package io.vigil.events.roster;

import io.vigil.events.EventType;

import java.time.Instant;

/**
 * A realm role was taken from a person. Subject: {@code username}.
 *
 * @param username the person; the subject
 * @param revokedBy username of who revoked it (optional)
 */
public record RoleRevoked(
        String username,
        RealmRole role,
        String revokedBy,
        Instant revokedAt) implements RosterEvent {

    @Override
    public EventType eventType() {
        return EventType.ROLE_REVOKED;
    }
}
