package io.vigil.platform.timer;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.platform.config.VigilConfig;
import io.vigil.platform.metrics.PlatformMeters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The service's timer firing: one {@link TimerFiring} with the service's handlers, driven by a {@link TimerLoop}
 * that sleeps until the next due time and is woken by commits that schedule timers and by clock control.
 */
@ApplicationScoped
public class TimerPoller {
    private final TimerFiring firing;
    private final TimerSignal signal;
    private final TimerLoop loop;

    public TimerPoller(DataSource dataSource, Clock clock, Instance<TimerHandler> handlers, VigilConfig config,
                       TimerSignal signal, FailedTimers failed, PlatformMeters meters) {
        Map<String, TimerHandler> byKind = handlers.stream().collect(Collectors.toMap(TimerHandler::kind, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two timer handlers for kind '" + a.kind() + "': " + a + ", " + b);
                }));
        this.firing = new TimerFiring(dataSource, clock, byKind, config.timers(), failed::wake,
                (timer, firedAt) -> meters.timerFired(timer.kind(), Duration.between(timer.dueAt(), firedAt)));
        this.signal = signal;
        this.loop = new TimerLoop(firing, signal, clock, config.timers().pollInterval(), "timer-poller");
    }

    void start(@Observes StartupEvent ignored) {
        loop.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        loop.stop();
    }

    /**
     * Fires every timer due now, including those the firing makes due, and returns how many fired; used after
     * the clock was moved, so the caller sees the effects when this returns.
     */
    public int fireDue() {
        int fired = firing.fireDue();
        signal.wake(); // the loop's planned wake-up was reckoned on the clock before it moved
        return fired;
    }
}
