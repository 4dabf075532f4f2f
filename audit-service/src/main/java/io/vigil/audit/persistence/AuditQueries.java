package io.vigil.audit.persistence;

import io.vigil.audit.domain.AuditEntry;
import io.vigil.audit.domain.ChainVerification;
import io.vigil.audit.domain.EntryHash;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Read side of the log: filtered pages in seq order, single entries, and verification of a seq range. */
@ApplicationScoped
public class AuditQueries {
    /** Verifying or exporting millions of entries outlasts the default 60 s transaction timeout. */
    static final int LONG_READ_SECONDS = 3600;
    private static final int VERIFY_CHUNK = 4096;
    private final DataSource dataSource;

    public AuditQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional
    public List<AuditEntry> find(EntryFilter f) {
        StringBuilder sql = new StringBuilder("SELECT " + EntryRows.COLUMNS + " FROM audit_entry WHERE seq > ?");
        List<Object> args = new ArrayList<>();
        args.add(f.after() == null ? 0L : f.after());
        condition(sql, args, "type = ?", f.type());
        condition(sql, args, "subject = ?", f.subject());
        condition(sql, args, "actor = ?", f.actor());
        condition(sql, args, "occurred_at >= ?", f.from() == null ? null : Timestamp.from(f.from()));
        condition(sql, args, "occurred_at < ?", f.to() == null ? null : Timestamp.from(f.to()));
        sql.append(" ORDER BY seq LIMIT ").append(f.limit());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = EntryRows.binary(c.prepareStatement(sql.toString()))) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(EntryRows.read(rs));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("audit query failed", e);
        }
    }

    private static void condition(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            args.add(value);
        }
    }

    @Transactional
    public Optional<AuditEntry> bySeq(long seq) {
        List<AuditEntry> one = find(new EntryFilter(null, null, null, null, null, seq - 1, 1));
        return one.stream().filter(e -> e.seq() == seq).findFirst();
    }

    /** Re-checks entries {@code from}..{@code to} (inclusive) against their hashes and their predecessors. */
    @Transactional
    @TransactionConfiguration(timeout = LONG_READ_SECONDS)
    public ChainVerification.Result verify(long from, long to) {
        try (Connection c = dataSource.getConnection()) {
            ChainVerification verification = new ChainVerification(from, from <= 1 ? EntryHash.GENESIS : hashOf(c, from - 1));
            try (PreparedStatement ps = EntryRows.binary(c.prepareStatement(
                    "SELECT " + EntryRows.COLUMNS + " FROM audit_entry WHERE seq BETWEEN ? AND ? ORDER BY seq"))) {
                ps.setFetchSize(5_000);
                ps.setLong(1, from);
                ps.setLong(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    checkWhileReading(rs, verification);
                }
            }
            return verification.resultThrough(to);
        } catch (SQLException e) {
            throw new IllegalStateException("audit verification failed", e);
        }
    }

    /**
     * Reads the next chunk of rows while the previous one is being re-hashed on another core; chunks are
     * checked one after the other, so the verification sees the entries in order.
     */
    private static void checkWhileReading(ResultSet rs, ChainVerification verification) throws SQLException {
        CompletableFuture<Boolean> checking = CompletableFuture.completedFuture(true);
        List<AuditEntry> chunk = new ArrayList<>(VERIFY_CHUNK);
        boolean more = true;
        while (more) {
            more = rs.next();
            if (more) {
                chunk.add(EntryRows.read(rs));
            }
            if (chunk.size() == VERIFY_CHUNK || (!more && !chunk.isEmpty())) {
                if (!checking.join()) {
                    return; // the first bad entry is found: the rest need not be read
                }
                List<AuditEntry> ready = chunk;
                checking = CompletableFuture.supplyAsync(() -> verification.acceptAll(ready));
                chunk = new ArrayList<>(VERIFY_CHUNK);
            }
        }
        checking.join();
    }

    /** Something done with each entry of a streamed range. */
    public interface EntrySink {
        void accept(AuditEntry entry) throws IOException;
    }

    /** Streams entries {@code from}..{@code to} in seq order with a server-side cursor: memory stays flat. */
    public void stream(long from, long to, EntrySink sink) throws IOException {
        try {
            QuarkusTransaction.requiringNew().timeout(LONG_READ_SECONDS).call(() -> {
                try (Connection c = dataSource.getConnection(); PreparedStatement ps = EntryRows.binary(c.prepareStatement(
                        "SELECT " + EntryRows.COLUMNS + " FROM audit_entry WHERE seq BETWEEN ? AND ? ORDER BY seq"))) {
                    ps.setFetchSize(5_000);
                    ps.setLong(1, from);
                    ps.setLong(2, to);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            sink.accept(EntryRows.read(rs));
                        }
                    }
                }
                return null;
            });
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private static byte[] hashOf(Connection c, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT entry_hash FROM audit_entry WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }
}
