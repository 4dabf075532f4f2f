package io.vigil.notification.persistence;

import java.time.Instant;

/** A row of {@code notification_deadline}: who had to be told of which event by when, and whether they were. */
public record DeadlineRow(String deadlineId, String causationEventId, String causationType, String causationSubject,
                          String recipient, String role, Instant dueAt, String state, Instant deliveredAt,
                          Instant decidedAt, Instant createdAt) {
}
