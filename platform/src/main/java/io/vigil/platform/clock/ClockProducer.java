package io.vigil.platform.clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;

import java.time.Clock;

/** Every rule reads this clock; it is the system clock unless clock control has moved it. */
@ApplicationScoped
public class ClockProducer {
    private final ControllableClock clock = ControllableClock.systemUtc();

    @Produces
    @ApplicationScoped
    @Typed(ControllableClock.class)
    ControllableClock controllableClock() {
        return clock;
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return clock;
    }
}
