package io.vigil.events.ownership;

import io.vigil.events.EventType;

import java.time.Instant;

/**
 * The single owner of a deploy's stabilization window was named; the window runs until {@code windowEndsAt}.
 *
 * @param policyRule id of the policy rule that decided this (DESIGN §3) (optional: absent in older events)
 * @param policyVersion version of the policy document that held the rule (optional)
 */
public record OwnershipAssigned(
        String deployId,
        String service,
        String owner,
        String assignedBecause,
        Instant windowStartsAt,
        Instant windowEndsAt,
        String policyRule,
        String policyVersion) implements OwnershipEvent {

    @Override
    public EventType eventType() {
        return EventType.OWNERSHIP_ASSIGNED;
    }
}
