package io.vigil.escalation.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC on the service's datasource, inside the caller's transaction, like the platform's event store: the
 * projections are written in the transaction that appends their events and read right after it.
 */
@ApplicationScoped
public class Sql {
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write: " + sql, e);
        }
    }

    public <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args);
             ResultSet rs = ps.executeQuery()) {
            List<T> found = new ArrayList<>();
            while (rs.next()) {
                found.add(row.map(rs));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read: " + sql, e);
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object[] args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            ps.setObject(i + 1, a instanceof Instant t ? Timestamp.from(t) : a);
        }
        return ps;
    }
}
