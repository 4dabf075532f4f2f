package io.vigil.platform.testing;

import io.vigil.platform.timer.DueTimer;
import io.vigil.platform.timer.TimerHandler;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A handler whose database is down while {@link #down} is set; it fires normally once it is back. */
@jakarta.inject.Singleton // no client proxy: tests read its fields
public class OutageTimerHandler implements TimerHandler {
    public static final String KIND = "outage";
    public volatile boolean down;
    public final List<DueTimer> fired = new CopyOnWriteArrayList<>();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void fire(DueTimer timer) {
        if (down) {
            throw new IllegalStateException("cannot append", new SQLException("Connection refused", "08001"));
        }
        fired.add(timer);
    }
}
