package io.vigil.events.notifications;

import io.vigil.events.DutyRole;
import io.vigil.events.EventType;

import java.time.Instant;

/**
 * Delivering a notification failed on its last attempt; the service has given up on that channel. Subject:
 * {@code notificationId}.
 *
 * @param notificationId the subject
 * @param causationEventId id of the event that made it necessary
 * @param causationType (optional)
 * @param causationSubject (optional)
 * @param recipient username
 * @param role (optional)
 * @param address (optional)
 * @param error the last attempt's error
 */
public record NotificationFailed(
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
        String error,
        Instant failedAt) implements NotificationEvent {

    @Override
    public EventType eventType() {
        return EventType.NOTIFICATION_FAILED;
    }
}
