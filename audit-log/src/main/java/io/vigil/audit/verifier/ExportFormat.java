package io.vigil.audit.verifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.audit.domain.AuditEntry;
import io.vigil.audit.domain.AuditRecord;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * One audit entry per line of an NDJSON export, and per row of a CSV export. {@code payload} is the stored
 * JSON text as a string, byte for byte, so the verifier hashes exactly what the server hashed.
 */
public final class ExportFormat {
    public static final List<String> COLUMNS = List.of("seq", "eventId", "topic", "partition", "offset", "type", "source",
            "subject", "actor", "occurredAt", "recordedAt", "payload", "hashVersion", "prevHash", "entryHash");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    public static String toNdjsonLine(AuditEntry e) {
        AuditRecord r = e.record();
        ObjectNode n = JSON.createObjectNode();
        n.put("seq", e.seq());
        n.put("eventId", r.eventId());
        n.put("topic", r.topic());
        n.put("partition", r.partition());
        n.put("offset", r.offset());
        n.put("type", r.type());
        n.put("source", r.source());
        n.put("subject", r.subject());
        n.put("actor", r.actor());
        n.put("occurredAt", r.occurredAt().toString());
        n.put("recordedAt", r.recordedAt().toString());
        n.put("payload", r.payload());
        n.put("hashVersion", e.hashVersion());
        n.put("prevHash", HEX.formatHex(e.prevHash()));
        n.put("entryHash", HEX.formatHex(e.entryHash()));
        return n.toString();
    }

    public static AuditEntry fromNdjsonLine(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON line: " + e.getOriginalMessage());
        }
        AuditRecord r = new AuditRecord(text(n, "eventId"), text(n, "topic"), n.path("partition").asInt(), n.path("offset").asLong(),
                text(n, "type"), text(n, "source"), text(n, "subject"), text(n, "actor"),
                Instant.parse(text(n, "occurredAt")), Instant.parse(text(n, "recordedAt")), text(n, "payload"));
        return new AuditEntry(n.path("seq").asLong(), r, n.path("hashVersion").asInt(),
                HEX.parseHex(text(n, "prevHash")), HEX.parseHex(text(n, "entryHash")));
    }

    /** A CSV row (RFC 4180 quoting) in the order of {@link #COLUMNS}. */
    public static String toCsvRow(AuditEntry e) {
        AuditRecord r = e.record();
        List<Object> values = List.of(e.seq(), nullable(r.eventId()), r.topic(), r.partition(), r.offset(), r.type(),
                nullable(r.source()), nullable(r.subject()), nullable(r.actor()), r.occurredAt(), r.recordedAt(),
                r.payload(), e.hashVersion(), HEX.formatHex(e.prevHash()), HEX.formatHex(e.entryHash()));
        StringBuilder row = new StringBuilder();
        for (Object v : values) {
            if (!row.isEmpty()) {
                row.append(',');
            }
            String s = v.toString();
            row.append(s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                    ? '"' + s.replace("\"", "\"\"") + '"' : s);
        }
        return row.toString();
    }

    private static Object nullable(String s) {
        return s == null ? "" : s;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private ExportFormat() {
    }
}
