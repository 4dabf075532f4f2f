package io.vigil.platform.testing;

import io.vigil.platform.timer.DueTimer;
import io.vigil.platform.timer.TimerHandler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A handler whose downstream always refuses: every attempt is recorded, none succeeds. */
@jakarta.inject.Singleton // no client proxy: tests read its fields
public class FailingTimerHandler implements TimerHandler {
    public static final String KIND = "failing";
    public static final String ERROR = "pager gateway refused the page";
    public final List<DueTimer> attempts = new CopyOnWriteArrayList<>();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void fire(DueTimer timer) {
        attempts.add(timer);
        throw new IllegalStateException(ERROR);
    }
}
