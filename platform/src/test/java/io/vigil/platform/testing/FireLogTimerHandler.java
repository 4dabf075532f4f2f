package io.vigil.platform.testing;

import io.vigil.platform.timer.DueTimer;
import io.vigil.platform.timer.TimerHandler;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes one row per fire into timer_fire_log, in the firing transaction: a timer fired twice shows as two rows.
 * Not a bean: each firing instance of a test gets its own, named after it.
 */
public final class FireLogTimerHandler implements TimerHandler {
    public static final String KIND = "fire-log";
    private final DataSource dataSource;
    private final String instance;

    public FireLogTimerHandler(DataSource dataSource, String instance) {
        this.dataSource = dataSource;
        this.instance = instance;
    }

    public static void createLog(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS timer_fire_log (timer_id BIGINT NOT NULL, instance TEXT NOT NULL)");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void fire(DueTimer timer) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO timer_fire_log (timer_id, instance) VALUES (?, ?)")) {
            ps.setLong(1, timer.id());
            ps.setString(2, instance);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot log the fire of timer " + timer.id(), e);
        }
    }
}
