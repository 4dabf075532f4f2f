package io.vigil.events.notifications;

import io.vigil.events.DutyRole;
import io.vigil.events.EventType;

import java.time.Instant;

/**
 * A notification was delivered to a person; the activation log reads these to know who was told. Subject:
 * {@code notificationId}.
 *
 * @param notificationId the subject
 * @param causationEventId id of the event that made it necessary
 * @param causationType type of that event (optional)
 * @param causationSubject subject of that event (deploy, incident or switch id) (optional)
 * @param recipient username
 * @param role the capacity they were notified in (optional)
 * @param address e-mail address, Slack handle or URL it went to (optional)
 */
public record NotificationSent(
        String notificationId,
        String causationEventId,
        String causationType,
        String causationSubject,
        Channel channel,
        String recipient,
        DutyRole role,
        String address,
        String template,
        int attempts,
        Instant sentAt) implements NotificationEvent {

    @Override
    public EventType eventType() {
        return EventType.NOTIFICATION_SENT;
    }
}
