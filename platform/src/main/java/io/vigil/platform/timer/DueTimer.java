package io.vigil.platform.timer;

import java.time.Instant;

/**
 * A timer whose time has come. {@code dueAt} is the time it was scheduled for, also on a retry;
 * {@code attempt} counts from 1.
 */
public record DueTimer(long id, String kind, String aggregateId, Instant dueAt, String payload, int attempt) {
    public DueTimer(long id, String kind, String aggregateId, Instant dueAt, String payload) {
        this(id, kind, aggregateId, dueAt, payload, 1);
    }
}
