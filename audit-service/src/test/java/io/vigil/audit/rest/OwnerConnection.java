package io.vigil.audit.rest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** The database owner's connection, standing in for someone with direct access who tampers with the log. */
final class OwnerConnection {
    static Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:55432/audit_test", "audit", "vigil-dev");
    }

    /** Changes an entry's actor with the append-only trigger switched off for a moment. */
    static void tamper(long seq, String actor) throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_delete");
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_entry SET actor = ? WHERE seq = ?")) {
                ps.setString(1, actor);
                ps.setLong(2, seq);
                ps.executeUpdate();
            }
            s.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_delete");
            c.commit();
        }
    }

    private OwnerConnection() {
    }
}
