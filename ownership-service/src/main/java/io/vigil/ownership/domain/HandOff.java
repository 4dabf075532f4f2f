package io.vigil.ownership.domain;

import java.time.Instant;

/**
 * A request to hand a window off: {@code by} asks for it, {@code byIngestionOwner} whether they hold the
 * ingestion-owner role, {@code toRegistered} whether the roster knows the new owner.
 */
public record HandOff(String by, boolean byIngestionOwner, String to, boolean toRegistered, String reason, Instant at) {
}
