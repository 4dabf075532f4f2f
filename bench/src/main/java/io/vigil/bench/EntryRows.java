package io.vigil.bench;

import io.vigil.audit.domain.AuditEntry;
import io.vigil.audit.domain.AuditRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.events.EventType;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HexFormat;

/** audit_entry's columns, bound as audit-service's AuditLog binds them, or written as a CSV line for COPY. */
final class EntryRows {
    static final String COLUMNS = "seq, event_id, topic, kafka_partition, kafka_offset, type, source, subject, actor, "
            + "occurred_at, recorded_at, payload, hash_version, prev_hash, entry_hash, causation_subject";
    static final String INSERT_VALUES = "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTIFICATION_SENT = EventType.NOTIFICATION_SENT.typeName();
    private static final HexFormat HEX = HexFormat.of();

    static void bind(PreparedStatement ps, AuditEntry e) throws SQLException {
        AuditRecord r = e.record();
        ps.setLong(1, e.seq());
        ps.setString(2, r.eventId());
        ps.setString(3, r.topic());
        ps.setInt(4, r.partition());
        ps.setLong(5, r.offset());
        ps.setString(6, r.type());
        ps.setString(7, r.source());
        ps.setString(8, r.subject());
        ps.setString(9, r.actor());
        ps.setTimestamp(10, Timestamp.from(r.occurredAt()));
        ps.setTimestamp(11, Timestamp.from(r.recordedAt()));
        ps.setString(12, r.payload());
        ps.setInt(13, e.hashVersion());
        ps.setBytes(14, e.prevHash());
        ps.setBytes(15, e.entryHash());
        ps.setString(16, causationSubject(r));
    }

    /** A notification's causationSubject, which audit-service keeps in a column of its own (V12). */
    static String causationSubject(AuditRecord r) {
        if (!NOTIFICATION_SENT.equals(r.type())) {
            return null;
        }
        try {
            JsonNode cause = JSON.readTree(r.payload()).get("causationSubject");
            return cause == null || !cause.isTextual() ? null : cause.asText();
        } catch (IOException e) {
            return null;
        }
    }

    /** One line of {@code COPY audit_entry (COLUMNS) FROM STDIN (FORMAT csv)}: unquoted empty = NULL. */
    static void csv(StringBuilder out, AuditEntry e) {
        AuditRecord r = e.record();
        out.append(e.seq()).append(',');
        quoted(out, r.eventId()).append(',');
        quoted(out, r.topic()).append(',');
        out.append(r.partition()).append(',').append(r.offset()).append(',');
        quoted(out, r.type()).append(',');
        quoted(out, r.source()).append(',');
        quoted(out, r.subject()).append(',');
        quoted(out, r.actor()).append(',');
        out.append(r.occurredAt()).append(',').append(r.recordedAt()).append(',');
        quoted(out, r.payload()).append(',');
        out.append(e.hashVersion()).append(",\\x").append(HEX.formatHex(e.prevHash()))
                .append(",\\x").append(HEX.formatHex(e.entryHash())).append(',');
        quoted(out, causationSubject(r)).append('\n');
    }

    static StringBuilder quoted(StringBuilder out, String value) {
        if (value == null) {
            return out;
        }
        out.append('"');
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"');
    }

    private EntryRows() {
    }
}
