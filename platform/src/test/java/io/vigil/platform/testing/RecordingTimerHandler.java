package io.vigil.platform.testing;

import io.vigil.platform.timer.DueTimer;
import io.vigil.platform.timer.TimerHandler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

@jakarta.inject.Singleton // no client proxy: tests read its fields
public class RecordingTimerHandler implements TimerHandler {
    public final List<DueTimer> fired = new CopyOnWriteArrayList<>();

    @Override
    public String kind() {
        return "test";
    }

    @Override
    public void fire(DueTimer timer) {
        fired.add(timer);
    }
}
