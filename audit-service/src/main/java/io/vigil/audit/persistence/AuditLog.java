package io.vigil.audit.persistence;

import io.vigil.audit.domain.AuditEntry;
import io.vigil.audit.domain.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Appends records to the chain. Appenders take the head row's lock, so entries get gapless seq numbers
 * in one order even with several instances; a record whose event id is already logged adds nothing.
 */
@ApplicationScoped
public class AuditLog {
    private final DataSource dataSource;

    public AuditLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the entries appended (duplicates left out) */
    @Transactional
    public List<AuditEntry> append(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection()) {
            Head head = lockHead(c);
            Map<String, AuditRecord> fresh = new LinkedHashMap<>();
            records.forEach(r -> fresh.putIfAbsent(r.eventId(), r));
            alreadyLogged(c, fresh.keySet()).forEach(fresh::remove);

            List<AuditEntry> entries = new java.util.ArrayList<>(fresh.size());
            long seq = head.seq();
            byte[] prev = head.hash();
            for (AuditRecord record : fresh.values()) {
                AuditEntry entry = AuditEntry.chain(++seq, record, prev);
                entries.add(entry);
                prev = entry.entryHash();
            }
            insert(c, entries);
            if (!entries.isEmpty()) {
                moveHead(c, seq, prev);
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append to the audit log", e);
        }
    }

    private record Head(long seq, byte[] hash) {
    }

    private static Head lockHead(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, entry_hash FROM audit_head FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("audit_head is missing: the migration did not run");
            }
            return new Head(rs.getLong(1), rs.getBytes(2));
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

    private static void insert(Connection c, List<AuditEntry> entries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO audit_entry (seq, event_id, topic, kafka_partition, kafka_offset, type, source, subject, actor,
                                         occurred_at, recorded_at, payload, hash_version, prev_hash, entry_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (AuditEntry e : entries) {
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
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void moveHead(Connection c, long seq, byte[] hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET seq = ?, entry_hash = ?")) {
            ps.setLong(1, seq);
            ps.setBytes(2, hash);
            ps.executeUpdate();
        }
    }
}
