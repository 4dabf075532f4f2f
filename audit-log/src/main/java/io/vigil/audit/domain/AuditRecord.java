package io.vigil.audit.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the log keeps of one consumed record, before it takes its place in the chain.
 * Times are truncated to microseconds, the precision the database keeps, so hashes survive a round trip.
 * The payload is kept as the UTF-8 bytes of its JSON text, the form the hash and the database take, so an event
 * read from the broker reaches both without being decoded to a string and encoded again.
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
        byte[] payloadUtf8) {

    public AuditRecord {
        occurredAt = Micros.truncate(occurredAt);
        recordedAt = Micros.truncate(recordedAt);
    }

    public AuditRecord(String eventId, String topic, int partition, long offset, String type, String source, String subject,
                       String actor, Instant occurredAt, Instant recordedAt, String payload) {
        this(eventId, topic, partition, offset, type, source, subject, actor, occurredAt, recordedAt,
                payload == null ? null : payload.getBytes(StandardCharsets.UTF_8));
    }

    /** The payload's JSON text. */
    public String payload() {
        return payloadUtf8 == null ? null : new String(payloadUtf8, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditRecord r && partition == r.partition && offset == r.offset && Objects.equals(eventId, r.eventId)
                && Objects.equals(topic, r.topic) && Objects.equals(type, r.type) && Objects.equals(source, r.source)
                && Objects.equals(subject, r.subject) && Objects.equals(actor, r.actor) && Objects.equals(occurredAt, r.occurredAt)
                && Objects.equals(recordedAt, r.recordedAt) && Arrays.equals(payloadUtf8, r.payloadUtf8);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, topic, partition, offset, type, source, subject, actor, occurredAt, recordedAt)
                * 31 + Arrays.hashCode(payloadUtf8);
    }

    @Override
    public String toString() {
        return "AuditRecord[eventId=" + eventId + ", topic=" + topic + ", partition=" + partition + ", offset=" + offset
                + ", type=" + type + ", source=" + source + ", subject=" + subject + ", actor=" + actor
                + ", occurredAt=" + occurredAt + ", recordedAt=" + recordedAt + ", payload=" + payload() + "]";
    }
}
