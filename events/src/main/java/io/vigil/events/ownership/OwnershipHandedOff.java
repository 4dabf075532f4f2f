package io.vigil.events.ownership;

import io.vigil.events.EventType;

import java.time.Instant;

/**
 * Ownership of a deploy window passed from one person to another in one atomic step: there is exactly one owner
 * at every instant (seed 000). Subject: {@code deployId}.
 *
 * @param deployId the deploy; the subject
 * @param from username of the owner until now
 * @param to username of the new owner (a registered person)
 * @param handedOffBy the owner, or the ingestion owner
 */
public record OwnershipHandedOff(
        String deployId,
        String service,
        String from,
        String to,
        String reason,
        String handedOffBy,
        Instant handedOffAt) implements OwnershipEvent {

    @Override
    public EventType eventType() {
        return EventType.OWNERSHIP_HANDED_OFF;
    }
}
