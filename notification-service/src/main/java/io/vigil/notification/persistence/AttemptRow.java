package io.vigil.notification.persistence;

import java.time.Instant;

/** One try of a delivery. */
public record AttemptRow(int attempt, Instant attemptedAt, String outcome, String error) {
}
