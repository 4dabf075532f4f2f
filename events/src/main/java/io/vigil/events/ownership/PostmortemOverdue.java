package io.vigil.events.ownership;

import io.vigil.events.EventType;

import java.time.Instant;

/**
 * A required incident doc was not filed by its due time. Subject: {@code deployId}.
 *
 * @param deployId the deploy; the subject
 * @param dueAt when it was due; the moment it became overdue
 * @param policyRule id of the policy rule that decided this (DESIGN §3)
 * @param policyVersion version of the policy document that held the rule
 */
public record PostmortemOverdue(
        String deployId,
        String service,
        String owner,
        String docPath,
        Instant dueAt,
        String policyRule,
        String policyVersion) implements OwnershipEvent {

    @Override
    public EventType eventType() {
        return EventType.POSTMORTEM_OVERDUE;
    }
}
