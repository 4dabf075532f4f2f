package io.vigil.events.ownership;

import io.vigil.events.EventType;

import java.time.Instant;

/**
 * The owner signed off at or after T+48 with the T+48 checklist done; the window is closed and nobody owns it
 * any more. Subject: {@code deployId}.
 *
 * @param deployId the deploy; the subject
 * @param signedOffBy the owner who signed off
 * @param comment the sign-off comment
 * @param windowEndsAt T+48
 */
public record OwnershipReleased(
        String deployId,
        String service,
        String signedOffBy,
        String comment,
        Instant windowEndsAt,
        Instant releasedAt) implements OwnershipEvent {

    @Override
    public EventType eventType() {
        return EventType.OWNERSHIP_RELEASED;
    }
}
