package io.vigil.audit.persistence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vigil.audit.domain.AuditEntry;
import io.vigil.audit.domain.AuditRecord;
import io.vigil.audit.domain.EntryHash;
import io.vigil.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Appends records to the chain and grows the Merkle tree in one transaction of its own. Appenders take one
 * advisory lock, so entries get gapless seq numbers in one order even with several instances; a record
 * whose event id is already logged adds nothing. Rows go in with binary COPY; the unique event id decides
 * duplicates: the batch is written as if none were logged, and only when that meets a unique violation is it
 * rolled back to a savepoint, the logged ids looked up and the rest written again.
 */
@ApplicationScoped
public class AuditLog {
    private static final long APPEND_LOCK = 0x61_75_64_69_74L; // "audit"
    private static final String UNIQUE_VIOLATION = "23505";
    static final String COPY_COLUMNS = "seq, event_id, topic, kafka_partition, kafka_offset, type, source, subject, actor, "
            + "occurred_at, recorded_at, payload, hash_version, prev_hash, entry_hash, causation_subject";
    private static final String NOTIFICATION_SENT = EventType.NOTIFICATION_SENT.typeName();
    private static final JsonFactory JSON = new JsonFactory();

    private final DataSource dataSource;
    private final MerkleTreeStore tree;

    public AuditLog(DataSource dataSource, MerkleTreeStore tree) {
        this.dataSource = dataSource;
        this.tree = tree;
    }

    /** @return the entries appended (duplicates left out), once they are committed */
    public List<AuditEntry> append(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        Map<String, AuditRecord> fresh = new LinkedHashMap<>();
        records.forEach(r -> fresh.putIfAbsent(r.eventId(), r));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Head head = lockHead(c);
                MerkleTreeStore.Growth growth = write(c, head, fresh);
                c.commit();
                tree.committed(growth);
                return growth.entries();
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append to the audit log", e);
        }
    }

    private MerkleTreeStore.Growth write(Connection c, Head head, Map<String, AuditRecord> fresh) throws SQLException {
        Savepoint beforeInsert = c.setSavepoint();
        try {
            return insert(c, head, fresh.values());
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(beforeInsert);
            Set<String> logged = alreadyLogged(c, fresh.keySet());
            if (logged.isEmpty()) {
                throw e; // not an event id: nothing a retry could change
            }
            logged.forEach(fresh::remove);
            return insert(c, head, fresh.values());
        }
    }

    private MerkleTreeStore.Growth insert(Connection c, Head head, Collection<AuditRecord> records) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>(records.size());
        long seq = head.seq();
        byte[] prev = head.hash();
        for (AuditRecord record : records) {
            AuditEntry entry = AuditEntry.chain(++seq, record, prev);
            entries.add(entry);
            prev = entry.entryHash();
        }
        if (!entries.isEmpty()) {
            copy(c, entries);
        }
        return tree.grow(c, head.seq(), head.hash(), entries);
    }

    private record Head(long seq, byte[] hash) {
    }

    /** Serialises appenders (one transaction-scoped lock), then reads the last entry: the head of the chain. */
    private static Head lockHead(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, APPEND_LOCK);
            lock.execute();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, entry_hash FROM audit_entry ORDER BY seq DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Head(rs.getLong(1), rs.getBytes(2)) : new Head(0, EntryHash.GENESIS);
        }
    }

    private static Set<String> alreadyLogged(Connection c, Set<String> eventIds) throws SQLException {
        Set<String> logged = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT event_id FROM audit_entry WHERE event_id = ANY (?)")) {
            Array ids = c.createArrayOf("text", eventIds.toArray());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    logged.add(rs.getString(1));
                }
            }
        }
        return logged;
    }

    private static void copy(Connection c, List<AuditEntry> entries) throws SQLException {
        try (BinaryCopy copy = BinaryCopy.into(c, "audit_entry", COPY_COLUMNS)) {
            for (AuditEntry e : entries) {
                AuditRecord r = e.record();
                copy.row(16).int8(e.seq()).text(r.eventId()).text(r.topic()).int4(r.partition()).int8(r.offset())
                        .text(r.type()).text(r.source()).text(r.subject()).text(r.actor())
                        .timestamptz(r.occurredAt()).timestamptz(r.recordedAt()).utf8(r.payloadUtf8())
                        .smallint(e.hashVersion()).bytea(e.prevHash()).bytea(e.entryHash()).text(causationSubject(r));
            }
            copy.finish();
        }
    }

    /**
     * A notification's {@code causationSubject} (the switch, deploy or incident that caused it), kept in a column of
     * its own for the activation log; derived from the payload, so the hash covers it already.
     */
    static String causationSubject(AuditRecord r) {
        if (!NOTIFICATION_SENT.equals(r.type())) {
            return null;
        }
        try (JsonParser p = JSON.createParser(r.payloadUtf8())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("causationSubject".equals(name)) {
                    return value == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
