package io.vigil.audit.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.vigil.audit.domain.AuditEntry;
import io.vigil.audit.domain.AuditRecord;

import java.time.Instant;

/** An audit entry as the API shows it; {@code payload} is the event's data as JSON. */
public record EntryView(long seq, String eventId, String topic, int partition, long offset, String type, String source,
                        String subject, String actor, Instant occurredAt, Instant recordedAt,
                        @JsonRawValue String payload, int hashVersion, String prevHash, String entryHash) {

    static EntryView of(AuditEntry e) {
        AuditRecord r = e.record();
        return new EntryView(e.seq(), r.eventId(), r.topic(), r.partition(), r.offset(), r.type(), r.source(),
                r.subject(), r.actor(), r.occurredAt(), r.recordedAt(), r.payload(), e.hashVersion(),
                e.prevHashHex(), e.entryHashHex());
    }
}
