package io.vigil.events.ownership;

import io.vigil.events.EventType;

import java.time.Instant;

/** The single owner of a deploy's stabilization window was named; the window runs until {@code windowEndsAt}. */
public record OwnershipAssigned(
        String deployId,
        String service,
        String owner,
        String assignedBecause,
        Instant windowStartsAt,
        Instant windowEndsAt) implements OwnershipEvent {

    @Override
    public EventType eventType() {
        return EventType.OWNERSHIP_ASSIGNED;
    }
}
