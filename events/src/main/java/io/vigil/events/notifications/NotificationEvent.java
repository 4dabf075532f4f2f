package io.vigil.events.notifications;

import io.vigil.events.EventPayload;

/**
 * Events of topic {@code vigil.notifications}; the subject (and Kafka key) is the notification id.
 */
public sealed interface NotificationEvent extends EventPayload permits
        NotificationSent,
        NotificationFailed,
        NotificationDeadlineMissed {
    /** The subject of the event and the Kafka key. */
    String notificationId();
}
