package io.vigil.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventCodec;
import io.vigil.events.EventPayload;
import io.vigil.events.EventType;
import io.vigil.events.VigilEvent;
import io.vigil.platform.clock.ControllableClock;
import io.vigil.platform.domain.AggregateKind;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.eventstore.Cause;
import io.vigil.platform.eventstore.EventSourcedRepository;
import io.vigil.platform.testing.FreshTestTopic;
import io.vigil.platform.testing.RecordingConsumer;
import io.vigil.platform.timer.TimerPoller;
import io.vigil.platform.timer.Timers;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static io.vigil.platform.testing.Fixtures.deployStarted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** The operator's meters move when their event happens, and /q/metrics shows them with the service's tag. */
@QuarkusTest
@QuarkusTestResource(FreshTestTopic.class)
class MetricsIT {
    private static final String DEPLOY_STARTED = EventType.DEPLOY_STARTED.typeName();
    private static final AggregateKind<String> DEPLOY = new AggregateKind<>() {
        @Override
        public String name() {
            return "metrics-test-deploy";
        }

        @Override
        public String initial(String id) {
            return id;
        }

        @Override
        public String apply(String state, EventPayload event) {
            return state;
        }
    };

    @Inject
    MeterRegistry registry;
    @Inject
    RecordingConsumer consumer;
    @Inject
    Producer<String, byte[]> producer;
    @Inject
    EventCodec codec;
    @Inject
    EventSourcedRepository repository;
    @Inject
    BacklogGauges gauges;
    @Inject
    Timers timers;
    @Inject
    TimerPoller poller;
    @Inject
    ControllableClock clock;
    @ConfigProperty(name = "mp.messaging.incoming.platform-test.topic")
    String topic;

    @Test
    void shouldCountAnEventAppliedOnceAndItsRedeliveryApart() throws Exception {
        double applied = counter(PlatformMeters.EVENTS_APPLIED, "consumer", RecordingConsumer.NAME, "type", DEPLOY_STARTED);
        double redelivered = counter(PlatformMeters.EVENTS_REDELIVERED, "consumer", RecordingConsumer.NAME, "type", DEPLOY_STARTED);
        String key = "dep-" + UUID.randomUUID();
        VigilEvent<?> event = deployStarted(key);
        send(key, codec.encode(event));
        send(key, codec.encode(event));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                counter(PlatformMeters.EVENTS_REDELIVERED, "consumer", RecordingConsumer.NAME, "type", DEPLOY_STARTED) > redelivered);
        assertThat(counter(PlatformMeters.EVENTS_APPLIED, "consumer", RecordingConsumer.NAME, "type", DEPLOY_STARTED)).isEqualTo(applied + 1);
        assertThat(counter(PlatformMeters.EVENTS_REDELIVERED, "consumer", RecordingConsumer.NAME, "type", DEPLOY_STARTED)).isEqualTo(redelivered + 1);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("vigil_events_applied_total{consumer=\"platform-test\",service=\"platform\",type=\"" + DEPLOY_STARTED + "\"}"));
    }

    @Test
    void shouldCountDeadLettersByReason() throws Exception {
        double contract = counter(PlatformMeters.DEAD_LETTERS, "consumer", RecordingConsumer.NAME, "reason", "contract-violation");
        double rejected = counter(PlatformMeters.DEAD_LETTERS, "consumer", RecordingConsumer.NAME, "reason", "rejected");
        send("dep-" + UUID.randomUUID(), "{ not an event".getBytes(StandardCharsets.UTF_8));
        String rejectedKey = "reject-" + UUID.randomUUID();
        send(rejectedKey, codec.encode(deployStarted(rejectedKey)));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                counter(PlatformMeters.DEAD_LETTERS, "consumer", RecordingConsumer.NAME, "reason", "rejected") > rejected);
        assertThat(counter(PlatformMeters.DEAD_LETTERS, "consumer", RecordingConsumer.NAME, "reason", "contract-violation")).isEqualTo(contract + 1);
        assertThat(counter(PlatformMeters.DEAD_LETTERS, "consumer", RecordingConsumer.NAME, "reason", "rejected")).isEqualTo(rejected + 1);
    }

    @Test
    void shouldCountStoredEventsAndShowTheirOutboxRowsWaitingForTheRelay() {
        // the relay is off in the platform's tests: the row stays unpublished
        BacklogGauges.Sample before = gauges.sample(clock.instant());
        double stored = counter(PlatformMeters.EVENTS_STORED, "aggregate", DEPLOY.name(), "type", DEPLOY_STARTED);
        String id = "dep-" + UUID.randomUUID();

        repository.decide(DEPLOY, id, Cause.actor("engineer"), state -> Decision.record(deployStarted(id).payload()));

        BacklogGauges.Sample after = gauges.sample(clock.instant());
        assertThat(counter(PlatformMeters.EVENTS_STORED, "aggregate", DEPLOY.name(), "type", DEPLOY_STARTED)).isEqualTo(stored + 1);
        assertThat(after.outboxUnpublished()).isEqualTo(before.outboxUnpublished() + 1);
        assertThat(after.outboxOldestAgeSeconds()).isGreaterThanOrEqualTo(0);
        assertThat(gauge("vigil.outbox.unpublished")).isEqualTo(after.outboxUnpublished());
    }

    @Test
    void shouldShowADueTimerWithItsLatenessAndTimeHowLateItFired() {
        clock.freeze();
        try {
            var due = clock.instant().plus(Duration.ofMinutes(15));
            var later = due.plus(Duration.ofMinutes(5));
            BacklogGauges.Sample before = gauges.sample(later);
            BacklogGauges.Sample notYet = gauges.sample(clock.instant());
            QuarkusTransaction.requiringNew().run(() -> timers.schedule("test", "agg-" + UUID.randomUUID(), due, null));

            assertThat(gauges.sample(clock.instant()).timersDue()).isEqualTo(notYet.timersDue());
            BacklogGauges.Sample overdue = gauges.sample(later);
            assertThat(overdue.timersPending()).isEqualTo(before.timersPending() + 1);
            assertThat(overdue.timersDue()).isEqualTo(before.timersDue() + 1);
            assertThat(overdue.timersDueLatenessSeconds()).isGreaterThanOrEqualTo(299); // five minutes late (PostgreSQL keeps microseconds)

            Timer firedBefore = registry.find(PlatformMeters.TIMERS_FIRED).tag("kind", "test").timer();
            long count = firedBefore == null ? 0 : firedBefore.count();
            double seconds = firedBefore == null ? 0 : firedBefore.totalTime(TimeUnit.SECONDS);
            clock.advance(Duration.ofMinutes(20));
            poller.fireDue();
            Timer fired = registry.find(PlatformMeters.TIMERS_FIRED).tag("kind", "test").timer();
            assertThat(fired).isNotNull();
            assertThat(fired.count()).isGreaterThan(count);
            assertThat(fired.totalTime(TimeUnit.SECONDS) - seconds).isGreaterThanOrEqualTo(299); // five minutes late (PostgreSQL keeps microseconds)
        } finally {
            clock.resume();
        }
    }

    @Test
    void shouldShowTheConsumerNotReadyWhileItWaitsOutAnOutage() throws Exception {
        assertThat(gauge("vigil.consumers.ready")).isEqualTo(1);
        String key = "outage-" + UUID.randomUUID();
        consumer.databaseDown = true;
        try {
            send(key, codec.encode(deployStarted(key)));
            await().atMost(Duration.ofSeconds(30)).until(() -> gauge("vigil.consumers.ready") == 0);
            assertThat(gauge("vigil.consumers.waiting")).isEqualTo(1);
        } finally {
            consumer.databaseDown = false;
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> gauge("vigil.consumers.ready") == 1);
    }

    private double counter(String name, String... tags) {
        Counter c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    private double gauge(String name) {
        Gauge g = registry.find(name).gauge();
        assertThat(g).as(name).isNotNull();
        return g.value();
    }

    private void send(String key, byte[] value) throws Exception {
        producer.send(EventCodec.structuredRecord(topic, key, value)).get();
    }
}
