package io.vigil.audit.persistence;

import java.time.Instant;

/** What {@code GET /audit/entries} may filter on; null means any. {@code after} is the keyset cursor (a seq). */
public record EntryFilter(String type, String subject, String actor, Instant from, Instant to, Long after, int limit) {
}
