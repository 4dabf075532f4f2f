package io.vigil.events.roster;

import io.vigil.events.EventType;

import java.time.Instant;

/**
 * A person was given a realm role (DESIGN §4). Subject: {@code username}.
 *
 * @param username the person; the subject
 * @param grantedBy username of who granted it; null when seeded at start-up (optional)
 */
public record RoleGranted(
        String username,
        RealmRole role,
        String grantedBy,
        Instant grantedAt) implements RosterEvent {

    @Override
    public EventType eventType() {
        return EventType.ROLE_GRANTED;
    }
}
