package io.vigil.notification.rest;

import io.vigil.notification.persistence.AttemptRow;
import io.vigil.notification.persistence.DeliveryRow;

import java.time.Instant;
import java.util.List;

/** A notification as the API shows it; {@code attempts} only on {@code GET /notifications/{id}}. */
public record NotificationView(String id, String causationId, String causationType, String causationSubject,
                               String recipient, String role, String channel, String address, String template,
                               String subject, String body, String status, int attemptCount, Instant nextAttemptAt,
                               String lastError, Instant createdAt, Instant sentAt, Instant failedAt,
                               List<AttemptRow> attempts) {

    static NotificationView of(DeliveryRow d, List<AttemptRow> attempts) {
        return new NotificationView(d.notificationId(), d.causationEventId(), d.causationType(), d.causationSubject(),
                d.recipient(), d.role(), d.channel(), d.address(), d.template(), d.subject(), d.body(), d.status(),
                d.attempts(), "pending".equals(d.status()) ? d.nextAttemptAt() : null, d.lastError(), d.createdAt(),
                d.sentAt(), d.failedAt(), attempts);
    }
}
