package io.vigil.platform.timer;

import java.time.Instant;

/** A timer whose time has come. */
public record DueTimer(long id, String kind, String aggregateId, Instant dueAt, String payload) {
}
