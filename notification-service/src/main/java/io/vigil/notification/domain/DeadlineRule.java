package io.vigil.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a notification deadline is kept: a message reached the person on any channel at or before the deadline plus
 * the grace. The grace gives "immediately" (a deadline at the instant of the event, seed 001 §5.1 "notify support
 * immediately") the time of one delivery pass; it is checked once, at {@link #checkAt}.
 */
public record DeadlineRule(Duration grace) {
    public Instant checkAt(Instant dueAt) {
        return dueAt.plus(grace);
    }

    /** The first delivery in time, if any reached the person by the deadline. */
    public Optional<Instant> keptBy(Instant dueAt, List<Instant> sentAt) {
        Instant limit = checkAt(dueAt);
        return sentAt.stream().filter(t -> !t.isAfter(limit)).min(Instant::compareTo);
    }

    /** How the person's deliveries stood when the deadline was missed: none, pending, sent-late or failed. */
    public static String deliveryStatus(List<String> statuses) {
        if (statuses.isEmpty()) {
            return "none";
        }
        if (statuses.contains("pending")) {
            return "pending";
        }
        return statuses.contains("sent") ? "sent-late" : "failed";
    }
}
