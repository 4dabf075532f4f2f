package io.vigil.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: the first retry after {@code initial}, doubling with every attempt up to
 * {@code max}; after {@code maxAttempts} attempts the delivery has failed for good.
 */
public record DeliveryBackoff(Duration initial, Duration max, int maxAttempts) {
    public DeliveryBackoff {
        if (maxAttempts < 1 || initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("delivery backoff needs maxAttempts >= 1 and 0 <= initial <= max");
        }
    }

    /** The time of the next attempt after attempt number {@code attempt} (from 1) failed at {@code now}; empty when none is left. */
    public Optional<Instant> nextAttempt(Instant now, int attempt) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        Duration wait = initial;
        for (int i = 1; i < attempt && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return Optional.of(now.plus(wait.compareTo(max) > 0 ? max : wait));
    }
}
