package io.vigil.bench;

import io.vigil.audit.domain.AuditEntry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The ceiling PostgreSQL sets: the rows the service would write (hashes already computed, so no hashing is
 * timed), inserted with JDBC batches of 2,000, one transaction per batch, into a table without triggers.
 * {@link Variant#PLAIN} is the reference for the append ratio; the two others only explain the gap: the same
 * indexes as audit_entry, and those indexes with the JDBC URL audit-service uses (no reWriteBatchedInserts).
 */
final class RawInsert {
    static final int BATCH = 2_000;
    private static final String COLUMNS_DDL = """
            seq BIGINT NOT NULL, event_id TEXT NOT NULL, topic TEXT NOT NULL, kafka_partition INTEGER NOT NULL,
            kafka_offset BIGINT NOT NULL, type TEXT NOT NULL, source TEXT, subject TEXT, actor TEXT,
            occurred_at TIMESTAMPTZ NOT NULL, recorded_at TIMESTAMPTZ NOT NULL, payload TEXT NOT NULL,
            hash_version SMALLINT NOT NULL, prev_hash BYTEA NOT NULL, entry_hash BYTEA NOT NULL, causation_subject TEXT""";

    enum Variant {
        PLAIN("bench_raw_plain", true, false),
        INDEXED("bench_raw_indexed", true, true),
        INDEXED_NO_REWRITE("bench_raw_indexed_norewrite", false, true);

        final String table;
        final boolean rewrite;
        final boolean indexes;

        Variant(String table, boolean rewrite, boolean indexes) {
            this.table = table;
            this.rewrite = rewrite;
            this.indexes = indexes;
        }
    }

    record Result(Variant variant, long rows, double seconds) {
        double perSecond() {
            return rows / seconds;
        }
    }

    static Result run(Db db, Variant v, List<AuditEntry> rows) throws SQLException {
        try (Connection c = db.connect(v.rewrite ? "reWriteBatchedInserts=true" : "")) {
            create(c, v);
            try {
                c.setAutoCommit(false);
                long t0 = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO " + v.table + " (" + EntryRows.COLUMNS + ") " + EntryRows.INSERT_VALUES)) {
                    for (int from = 0; from < rows.size(); from += BATCH) {
                        for (AuditEntry e : rows.subList(from, Math.min(rows.size(), from + BATCH))) {
                            EntryRows.bind(ps, e);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                        c.commit();
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                long stored = Db.single(c, "SELECT count(*) FROM " + v.table);
                if (stored != rows.size()) {
                    throw new IllegalStateException(v.table + " holds " + stored + " rows, not " + rows.size());
                }
                return new Result(v, rows.size(), seconds);
            } finally {
                c.setAutoCommit(true);
                Db.execute(c, "DROP TABLE IF EXISTS " + v.table);
            }
        }
    }

    private static void create(Connection c, Variant v) throws SQLException {
        Db.execute(c, "DROP TABLE IF EXISTS " + v.table);
        Db.execute(c, "CREATE TABLE " + v.table + " (" + COLUMNS_DDL + ")");
        if (v.indexes) { // audit_entry's, as V10-V12 leave them: text keys in the "C" collation
            String t = v.table;
            Db.execute(c, "ALTER TABLE " + t + " ADD PRIMARY KEY (seq)");
            Db.execute(c, "CREATE UNIQUE INDEX ON " + t + " (event_id COLLATE \"C\")");
            Db.execute(c, "CREATE INDEX ON " + t + " (type COLLATE \"C\", seq)");
            Db.execute(c, "CREATE INDEX ON " + t + " (subject COLLATE \"C\", seq)");
            Db.execute(c, "CREATE INDEX ON " + t + " (actor COLLATE \"C\", seq)");
            Db.execute(c, "CREATE INDEX ON " + t + " (occurred_at, seq)");
            Db.execute(c, "CREATE INDEX ON " + t + " (causation_subject COLLATE \"C\", seq) WHERE causation_subject IS NOT NULL");
        }
    }

    private RawInsert() {
    }
}
