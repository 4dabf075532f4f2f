package io.vigil.audit.domain;

import java.time.Instant;

/**
 * What the log keeps of one consumed record, before it takes its place in the chain.
 * Times are truncated to microseconds, the precision the database keeps, so hashes survive a round trip.
 */
public record AuditRecord(
        String eventId,
        String topic,
        int partition,
        long offset,
        String type,
        String source,
        String subject,
        String actor,
        Instant occurredAt,
        Instant recordedAt,
        String payload) {

    public AuditRecord {
        occurredAt = Micros.truncate(occurredAt);
        recordedAt = Micros.truncate(recordedAt);
    }
}
