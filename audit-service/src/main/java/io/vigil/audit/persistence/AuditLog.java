package io.vigil.audit.persistence;

import io.vigil.audit.domain.AuditEntry;
import io.vigil.audit.domain.AuditRecord;
import io.vigil.audit.domain.EntryHash;
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
 * Appends records to the chain and grows the Merkle tree in the same transaction. Appenders take one
 * advisory lock, so entries get gapless seq numbers in one order even with several instances; a record
 * whose event id is already logged adds nothing.
 */
@ApplicationScoped
public class AuditLog {
    private static final long APPEND_LOCK = 0x61_75_64_69_74L; // "audit"

    private final DataSource dataSource;
    private final MerkleTreeStore tree;

    public AuditLog(DataSource dataSource, MerkleTreeStore tree) {
        this.dataSource = dataSource;
        this.tree = tree;
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
            tree.grow(c, head.seq(), entries);
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append to the audit log", e);
        }
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

}
