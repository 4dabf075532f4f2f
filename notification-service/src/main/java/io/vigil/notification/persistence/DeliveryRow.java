package io.vigil.notification.persistence;

import java.time.Instant;

/** A row of {@code delivery}: one message to one person on one channel, and how far its delivery got. */
public record DeliveryRow(String notificationId, String causationEventId, String causationType, String causationSubject,
                          String recipient, String role, String channel, String address, String template, String subject,
                          String body, String status, int attempts, Instant nextAttemptAt, String lastError,
                          Instant createdAt, Instant sentAt, Instant failedAt) {
}
