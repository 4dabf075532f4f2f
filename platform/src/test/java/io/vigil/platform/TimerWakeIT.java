package io.vigil.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vigil.platform.clock.ControllableClock;
import io.vigil.platform.testing.RecordingTimerHandler;
import io.vigil.platform.testing.Tokens;
import io.vigil.platform.timer.DueTimer;
import io.vigil.platform.timer.Timers;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The poller does not wait for its poll interval (a minute here): a commit that schedules a due timer wakes it,
 * it sleeps only until the next due time, and moving the clock fires what became due before the call returns.
 */
@QuarkusTest
@TestProfile(TimerWakeIT.SlowPoll.class)
class TimerWakeIT {
    public static class SlowPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.timers.poll-interval", "PT1M", "vigil.clock.control-enabled", "true");
        }
    }

    @Inject
    Timers timers;
    @Inject
    ControllableClock clock;
    @Inject
    RecordingTimerHandler handler;

    @Test
    void shouldFireATimerScheduledAsDueRightAfterItsCommit() {
        String aggregate = "agg-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> timers.schedule(RecordingTimerHandler.KIND, aggregate, clock.instant(), null));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(handler.fired).extracting(DueTimer::aggregateId).contains(aggregate));
    }

    @Test
    void shouldWakeAtTheNextDueTimeNotAtTheNextPoll() {
        String aggregate = "agg-" + UUID.randomUUID();
        Instant due = clock.instant().plusSeconds(2);
        QuarkusTransaction.requiringNew().run(() -> timers.schedule(RecordingTimerHandler.KIND, aggregate, due, null));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(handler.fired).extracting(DueTimer::aggregateId).contains(aggregate));
    }

    @Test
    void shouldFireWhatBecameDueWhenTheClockIsAdvanced() {
        String aggregate = "agg-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() ->
                timers.schedule(RecordingTimerHandler.KIND, aggregate, clock.instant().plus(Duration.ofMinutes(30)), null));

        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON).body("{\"by\":\"PT30M\"}")
                .post("/admin/clock/advance").then().statusCode(200);

        assertThat(handler.fired).extracting(DueTimer::aggregateId).contains(aggregate);
    }
}
