package io.vigil.notification.channel;

import io.vigil.events.notifications.Channel;

/** One delivery as a channel sends it; {@code notificationId} stays the same across attempts. */
public record OutgoingMessage(String notificationId, Channel channel, String address, String recipient, String template,
                              String subject, String body, String causationEventId, String causationType,
                              String causationSubject) {
}
