package io.vigil.platform.testing;

import io.vigil.platform.timer.DueTimer;
import io.vigil.platform.timer.TimerHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

@ApplicationScoped
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
