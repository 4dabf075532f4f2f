package io.vigil.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.platform.clock.ControllableClock;
import io.vigil.platform.testing.FreshTestTopic;
import io.vigil.platform.testing.RecordingTimerHandler;
import io.vigil.platform.timer.DueTimer;
import io.vigil.platform.timer.TimerPoller;
import io.vigil.platform.timer.Timers;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(FreshTestTopic.class)
class TimerPollerIT {
    @Inject
    Timers timers;
    @Inject
    TimerPoller poller;
    @Inject
    ControllableClock clock;

    /** The boundaries here are exact to the second: only the test moves time. */
    @BeforeEach
    void freezeTheClock() {
        clock.freeze();
    }

    @AfterEach
    void resumeTheClock() {
        clock.resume();
    }
    @Inject
    RecordingTimerHandler handler;

    @Test
    void shouldFireATimerOnceWhenTheClockReachesItsDueTime() {
        String aggregate = "agg-" + UUID.randomUUID();
        var due = clock.instant().plus(Duration.ofMinutes(15));
        QuarkusTransaction.requiringNew().run(() -> timers.schedule("test", aggregate, due, "{\"step\":1}"));

        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        poller.fireDue();
        assertThat(handler.fired).extracting(DueTimer::aggregateId).doesNotContain(aggregate);

        clock.advance(Duration.ofSeconds(1));
        poller.fireDue();
        poller.fireDue();
        assertThat(handler.fired).filteredOn(t -> t.aggregateId().equals(aggregate)).singleElement()
                .satisfies(t -> assertThat(t.payload()).isEqualTo("{\"step\":1}"));
    }

    @Inject
    javax.sql.DataSource dataSource;

    /** A command that cancels a timer the poller holds (firing it) must not wait for it: the two would deadlock. */
    @Test
    void shouldCancelWithoutWaitingForATimerBeingFired() throws Exception {
        String aggregate = "agg-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            timers.schedule("test", aggregate, clock.instant().plusSeconds(60), "{\"held\":true}");
            timers.schedule("test", aggregate, clock.instant().plusSeconds(120), "{\"held\":false}");
        });
        try (java.sql.Connection firing = dataSource.getConnection()) {
            firing.setAutoCommit(false);
            try (var lock = firing.prepareStatement("SELECT id FROM timer WHERE aggregate_id = ? AND payload LIKE '%\"held\":true%' FOR UPDATE")) {
                lock.setString(1, aggregate);
                lock.executeQuery().close();
            }
            var cancelled = java.util.concurrent.CompletableFuture.runAsync(
                    () -> QuarkusTransaction.requiringNew().run(() -> timers.cancel("test", aggregate)));
            cancelled.get(10, java.util.concurrent.TimeUnit.SECONDS);
            firing.rollback();
        }

        clock.advance(Duration.ofMinutes(3));
        poller.fireDue();
        assertThat(handler.fired).filteredOn(t -> t.aggregateId().equals(aggregate)).singleElement()
                .satisfies(t -> assertThat(t.payload()).isEqualTo("{\"held\":true}"));
    }

    @Test
    void shouldNotFireACancelledTimer() {
        String aggregate = "agg-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> timers.schedule("test", aggregate, clock.instant().plusSeconds(60), null));
        QuarkusTransaction.requiringNew().run(() -> timers.cancel("test", aggregate));

        clock.advance(Duration.ofMinutes(2));
        poller.fireDue();

        assertThat(handler.fired).extracting(DueTimer::aggregateId).doesNotContain(aggregate);
    }
}
