package io.vigil.events.notifications;

import io.vigil.events.DutyRole;
import io.vigil.events.EventType;

import java.time.Instant;
import java.util.List;

/**
 * A person the causing event had to reach by a deadline (seed 001 §2.2, §5.1: "notify the owner within 5 min",
 * "support immediately") had no message delivered on any channel by then. Subject: {@code deadlineId}.
 *
 * @param deadlineId the subject: one per (causing event, recipient)
 * @param causationEventId id of the event that set the deadline
 * @param causationType type of that event (optional)
 * @param causationSubject subject of that event, e.g. the switch id (optional)
 * @param recipient username
 * @param role the capacity they had to be told in (optional)
 * @param dueAt when the message had to be delivered by
 * @param missedAt when the deadline was found missed
 * @param notificationIds the deliveries made for it (none when the person has no channel)
 * @param deliveryStatus where those deliveries stood: none (no channel), pending, sent-late or failed
 */
public record NotificationDeadlineMissed(
        String deadlineId,
        String causationEventId,
        String causationType,
        String causationSubject,
        String recipient,
        DutyRole role,
        Instant dueAt,
        Instant missedAt,
        List<String> notificationIds,
        String deliveryStatus) implements NotificationEvent {

    /** Lists are immutable; an absent list is empty. */
    public NotificationDeadlineMissed {
        notificationIds = notificationIds == null ? List.of() : List.copyOf(notificationIds);
    }

    @Override
    public String notificationId() {
        return deadlineId;
    }

    @Override
    public EventType eventType() {
        return EventType.NOTIFICATION_DEADLINE_MISSED;
    }
}
