package io.vigil.events.ownership;

import io.vigil.events.EventType;

import java.time.Instant;

/**
 * The owner filed the required incident doc. Subject: {@code deployId}.
 *
 * @param deployId the deploy; the subject
 * @param dueAt (optional)
 */
public record PostmortemFiled(
        String deployId,
        String service,
        String docUrl,
        String filedBy,
        Instant dueAt,
        Instant filedAt) implements OwnershipEvent {

    @Override
    public EventType eventType() {
        return EventType.POSTMORTEM_FILED;
    }
}
