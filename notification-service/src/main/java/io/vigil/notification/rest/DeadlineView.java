package io.vigil.notification.rest;

import io.vigil.notification.persistence.DeadlineRow;

import java.time.Instant;

/** A notification deadline as the API shows it. */
public record DeadlineView(String id, String causationId, String causationType, String causationSubject, String recipient,
                           String role, Instant dueAt, String state, Instant deliveredAt, Instant decidedAt) {
    static DeadlineView of(DeadlineRow d) {
        return new DeadlineView(d.deadlineId(), d.causationEventId(), d.causationType(), d.causationSubject(), d.recipient(),
                d.role(), d.dueAt(), d.state(), d.deliveredAt(), d.decidedAt());
    }
}
