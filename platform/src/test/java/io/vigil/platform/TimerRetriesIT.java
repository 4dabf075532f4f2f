package io.vigil.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.Topics;
import io.vigil.platform.clock.ControllableClock;
import io.vigil.platform.deadletter.DeadLetters;
import io.vigil.platform.testing.FailingTimerHandler;
import io.vigil.platform.testing.OutageTimerHandler;
import io.vigil.platform.testing.KafkaTestTopics;
import io.vigil.platform.testing.RecordingTimerHandler;
import io.vigil.platform.testing.Tokens;
import io.vigil.platform.timer.DueTimer;
import io.vigil.platform.timer.TimerPoller;
import io.vigil.platform.timer.Timers;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** A failing handler: only its timer is retried, at its own pace, with its due time kept; then failed and reported. */
@QuarkusTest
class TimerRetriesIT {
    private static final Duration BACKOFF = Duration.ofSeconds(30); // vigil.timers.retry-backoff default
    @Inject
    Timers timers;
    @Inject
    TimerPoller poller;
    @Inject
    ControllableClock clock;
    @Inject
    RecordingTimerHandler recording;
    @Inject
    FailingTimerHandler failing;
    @Inject
    OutageTimerHandler outage;
    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper json;

    private String aggregate;

    @AfterEach
    void leaveNothingPending() {
        QuarkusTransaction.requiringNew().run(() -> timers.cancel(FailingTimerHandler.KIND, aggregate));
    }

    @Test
    void shouldSpendNoAttemptWhileTheInfrastructureIsDown() throws Exception {
        aggregate = "agg-" + UUID.randomUUID();
        Instant due = clock.instant().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);
        QuarkusTransaction.requiringNew().run(() -> timers.schedule(OutageTimerHandler.KIND, aggregate, due, null));
        clock.advance(Duration.ofMinutes(5));

        outage.down = true;
        try {
            for (int i = 0; i < 8; i++) {
                assertThatThrownBy(poller::fireDue).hasRootCauseInstanceOf(java.sql.SQLException.class);
            }
        } finally {
            outage.down = false;
        }
        assertThat(row(aggregate).attempts).as("attempts spent during the outage").isZero();

        poller.fireDue();
        assertThat(outage.fired).filteredOn(t -> t.aggregateId().equals(aggregate)).singleElement()
                .satisfies(t -> assertThat(t.dueAt()).isEqualTo(due));
    }

    @Test
    void shouldRetryOnlyTheFailingTimerWhileTheOthersFire() throws Exception {
        aggregate = "agg-" + UUID.randomUUID();
        Instant due = clock.instant().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);
        QuarkusTransaction.requiringNew().run(() -> {
            timers.schedule(RecordingTimerHandler.KIND, aggregate + "-before", due, null);
            timers.schedule(FailingTimerHandler.KIND, aggregate, due, "{\"step\":2}");
            timers.schedule(RecordingTimerHandler.KIND, aggregate + "-after", due, null);
        });

        clock.advance(Duration.ofMinutes(10));
        Instant firstTry = clock.instant();
        poller.fireDue();
        Instant firstTryEnd = clock.instant();

        assertThat(recording.fired).extracting(DueTimer::aggregateId)
                .containsOnlyOnce(aggregate + "-before", aggregate + "-after");
        assertThat(attemptsOf(aggregate)).singleElement().satisfies(t -> assertThat(t.dueAt()).isEqualTo(due));
        TimerRow row = row(aggregate);
        assertThat(row.dueAt).isEqualTo(due);
        assertThat(row.attempts).isEqualTo(1);
        assertThat(row.lastError).contains(FailingTimerHandler.ERROR);
        assertThat(row.nextAttemptAt).isBetween(firstTry.plus(BACKOFF).minusMillis(1), firstTryEnd.plus(BACKOFF).plusMillis(1));
        assertThat(row.failedAt).isNull();

        clock.advance(BACKOFF.minusSeconds(5));
        poller.fireDue();
        assertThat(attemptsOf(aggregate)).hasSize(1);

        clock.advance(Duration.ofSeconds(6));
        poller.fireDue();
        assertThat(attemptsOf(aggregate)).extracting(DueTimer::attempt).containsExactly(1, 2);
        assertThat(attemptsOf(aggregate)).allSatisfy(t -> assertThat(t.dueAt()).isEqualTo(due));
        row = row(aggregate);
        assertThat(row.dueAt).isEqualTo(due);
        assertThat(row.attempts).isEqualTo(2);
        assertThat(row.nextAttemptAt).isAfter(clock.instant().plus(BACKOFF.multipliedBy(2)).minusSeconds(5));
    }

    @Test
    void shouldFailATimerAfterItsLastAttemptListItAndDeadLetterIt() throws Exception {
        aggregate = "agg-" + UUID.randomUUID();
        Instant due = clock.instant().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MILLIS);
        QuarkusTransaction.requiringNew().run(() -> timers.schedule(FailingTimerHandler.KIND, aggregate, due, "{\"step\":3}"));

        clock.advance(Duration.ofMinutes(1));
        for (int attempt = 1; attempt <= 5; attempt++) {
            poller.fireDue();
            assertThat(attemptsOf(aggregate)).hasSize(attempt);
            clock.advance(BACKOFF.multipliedBy(1L << (attempt - 1)).plusSeconds(1));
        }
        poller.fireDue();

        assertThat(attemptsOf(aggregate)).hasSize(5);
        TimerRow row = row(aggregate);
        assertThat(row.failedAt).isNotNull();
        assertThat(row.attempts).isEqualTo(5);
        assertThat(row.nextAttemptAt).isNull();
        assertThat(row.dueAt).isEqualTo(due);

        given().auth().oauth2(Tokens.of("admin")).queryParam("state", "failed").get("/admin/timers").then()
                .statusCode(200)
                .body("find { it.aggregateId == '" + aggregate + "' }.attempts", equalTo(5))
                .body("find { it.aggregateId == '" + aggregate + "' }.lastError", startsWith(IllegalStateException.class.getName()))
                .body("find { it.aggregateId == '" + aggregate + "' }.dueAt", equalTo(due.toString()));
        given().auth().oauth2(Tokens.of("admin")).queryParam("state", "pending").get("/admin/timers").then()
                .statusCode(200).body("aggregateId", not(hasItem(aggregate)));
        given().auth().oauth2(Tokens.of("engineer")).queryParam("state", "failed").get("/admin/timers").then().statusCode(403);
        given().queryParam("state", "failed").get("/admin/timers").then().statusCode(401);
        given().auth().oauth2(Tokens.of("admin")).queryParam("state", "sleeping").get("/admin/timers").then()
                .statusCode(400).contentType("application/problem+json");

        List<ConsumerRecord<String, byte[]>> dead = KafkaTestTopics.read(Topics.DEAD_LETTER, r -> aggregate.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        ConsumerRecord<String, byte[]> letter = dead.get(0);
        assertThat(header(letter, DeadLetters.REASON)).startsWith("timer failed after 5 attempts: ").contains(FailingTimerHandler.ERROR);
        assertThat(header(letter, DeadLetters.CONSUMER)).isEqualTo("platform.timer." + FailingTimerHandler.KIND);
        assertThat(header(letter, DeadLetters.TOPIC)).isEqualTo("timer");
        JsonNode value = json.readTree(letter.value());
        assertThat(value.get("kind").asText()).isEqualTo(FailingTimerHandler.KIND);
        assertThat(value.get("aggregateId").asText()).isEqualTo(aggregate);
        assertThat(Instant.parse(value.get("dueAt").asText())).isEqualTo(due);
        assertThat(value.get("payload").asText()).isEqualTo("{\"step\":3}");
        assertThat(value.get("attempts").asInt()).isEqualTo(5);
        assertThat(value.get("lastError").asText()).contains(FailingTimerHandler.ERROR);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(row(aggregate).deadLetteredAt).isNotNull());
    }

    @Test
    void shouldFailOnlyTheTimerWhoseKindHasNoHandler() throws Exception {
        aggregate = "agg-" + UUID.randomUUID();
        Instant due = clock.instant().plus(Duration.ofMinutes(3));
        QuarkusTransaction.requiringNew().run(() -> {
            timers.schedule("nobody-handles-this", aggregate, due, null);
            timers.schedule(RecordingTimerHandler.KIND, aggregate + "-handled", due, null);
        });

        clock.advance(Duration.ofMinutes(3));
        poller.fireDue();

        assertThat(recording.fired).extracting(DueTimer::aggregateId).containsOnlyOnce(aggregate + "-handled");
        TimerRow row = row(aggregate);
        assertThat(row.attempts).isEqualTo(1);
        assertThat(row.lastError).contains("no handler for timer kind 'nobody-handles-this'");
        QuarkusTransaction.requiringNew().run(() -> timers.cancel("nobody-handles-this", aggregate));
    }

    /** The attempts the handler saw; an attempt made in a batch runs once more alone after the batch rolled back. */
    private List<DueTimer> attemptsOf(String aggregateId) {
        return failing.attempts.stream().filter(t -> t.aggregateId().equals(aggregateId)).distinct().toList();
    }

    private record TimerRow(Instant dueAt, int attempts, Instant nextAttemptAt, String lastError, Instant failedAt,
                            Instant deadLetteredAt) {
    }

    private TimerRow row(String aggregateId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT due_at, attempts, next_attempt_at, last_error, failed_at, dead_lettered_at FROM timer WHERE aggregate_id = ?""")) {
            ps.setString(1, aggregateId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("timer of " + aggregateId).isTrue();
                return new TimerRow(rs.getTimestamp(1).toInstant(), rs.getInt(2), instant(rs, 3), rs.getString(4), instant(rs, 5), instant(rs, 6));
            }
        }
    }

    private static Instant instant(ResultSet rs, int column) throws Exception {
        return rs.getTimestamp(column) == null ? null : rs.getTimestamp(column).toInstant();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return record.headers().lastHeader(name) == null ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
