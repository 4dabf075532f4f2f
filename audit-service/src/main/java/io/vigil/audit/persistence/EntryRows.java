package io.vigil.audit.persistence;

import io.vigil.audit.domain.AuditEntry;
import io.vigil.audit.domain.AuditRecord;

import org.postgresql.PGStatement;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads entries back from result sets of {@link #COLUMNS}. */
final class EntryRows {
    static final String COLUMNS = "seq, event_id, topic, kafka_partition, kafka_offset, type, source, subject, actor, "
            + "occurred_at, recorded_at, payload, hash_version, prev_hash, entry_hash";

    /**
     * Rows in PostgreSQL's binary format from the first execution: hashes arrive as bytes rather than hex
     * text, times as numbers rather than text to parse — most of the cost of reading the log in bulk.
     */
    static PreparedStatement binary(PreparedStatement ps) throws SQLException {
        ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
        return ps;
    }

    static AuditEntry read(ResultSet rs) throws SQLException {
        AuditRecord record = new AuditRecord(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getTimestamp(10).toInstant(), rs.getTimestamp(11).toInstant(), rs.getString(12));
        return new AuditEntry(rs.getLong(1), record, rs.getInt(13), rs.getBytes(14), rs.getBytes(15));
    }

    private EntryRows() {
    }
}
