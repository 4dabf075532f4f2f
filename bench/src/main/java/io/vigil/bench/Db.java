package io.vigil.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** JDBC connections to the benchmark database as its owner (audit), the role Flyway migrates as. */
final class Db {
    private final BenchConfig config;

    Db(BenchConfig config) {
        this.config = config;
    }

    Connection connect() throws SQLException {
        return connect("");
    }

    /** @param parameters extra JDBC URL parameters, e.g. {@code reWriteBatchedInserts=true} */
    Connection connect(String parameters) throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(parameters), config.ownerUser(), config.password());
    }

    static long maxSeq(Connection c) throws SQLException {
        return single(c, "SELECT coalesce(max(seq), 0) FROM audit_entry");
    }

    static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String size(Connection c, String relation) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_total_relation_size('" + relation + "'))")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
