package io.vigil.platform;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventCodec;
import io.vigil.events.Topics;
import io.vigil.events.VigilEvent;
import io.vigil.platform.deadletter.DeadLetters;
import io.vigil.platform.testing.FreshTestTopic;
import io.vigil.platform.testing.KafkaTestTopics;
import io.vigil.platform.testing.RecordingConsumer;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.vigil.platform.testing.Fixtures.deployStarted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(FreshTestTopic.class)
class InboundEventsIT {
    @Inject
    RecordingConsumer consumer;
    @Inject
    Producer<String, byte[]> producer;
    @Inject
    EventCodec codec;
    @ConfigProperty(name = "mp.messaging.incoming.platform-test.topic")
    String topic;

    @Test
    void shouldApplyARedeliveredEventOnce() throws Exception {
        String key = "dep-" + UUID.randomUUID();
        VigilEvent<?> event = deployStarted(key);
        VigilEvent<?> marker = deployStarted(key);
        send(key, codec.encode(event));
        send(key, codec.encode(event));
        send(key, codec.encode(marker));

        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.applied.contains(marker.id()));
        assertThat(consumer.applied.stream().filter(event.id()::equals)).hasSize(1);
    }

    @Test
    void shouldDeadLetterAPoisonRecordAndProcessTheNext() throws Exception {
        String key = "dep-" + UUID.randomUUID();
        VigilEvent<?> next = deployStarted(key);
        send(key, "{ this is not an event".getBytes(StandardCharsets.UTF_8));
        send(key, codec.encode(next));

        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.applied.contains(next.id()));
        ConsumerRecord<String, byte[]> dead = deadLetterFor(key);
        assertThat(header(dead, DeadLetters.REASON)).startsWith("contract violation");
        assertThat(header(dead, DeadLetters.CONSUMER)).isEqualTo(RecordingConsumer.NAME);
        assertThat(header(dead, DeadLetters.TOPIC)).isEqualTo(topic);
        assertThat(header(dead, DeadLetters.OFFSET)).isNotBlank();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{ this is not an event");
    }

    @Test
    void shouldDeadLetterAnEventTheDomainRejects() throws Exception {
        String key = "reject-" + UUID.randomUUID();
        VigilEvent<?> rejected = deployStarted(key);
        send(key, codec.encode(rejected));

        ConsumerRecord<String, byte[]> dead = deadLetterFor(key);
        assertThat(header(dead, DeadLetters.REASON)).startsWith("rejected: deploy " + key);
        assertThat(consumer.applied).doesNotContain(rejected.id());
    }

    @Test
    void shouldRetryAnInfrastructureFailureUntilItPassesAndDeadLetterNothing() throws Exception {
        String key = "flaky-" + UUID.randomUUID();
        VigilEvent<?> event = deployStarted(key);
        send(key, codec.encode(event));

        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.applied.contains(event.id()));
        assertThat(consumer.attempts.get(event.id())).hasValue(4);
        assertThat(consumer.applied.stream().filter(event.id()::equals)).hasSize(1);
        assertThat(KafkaTestTopics.read(Topics.DEAD_LETTER, r -> key.equals(r.key()), 1, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void shouldReportTheConsumerDegradedDuringAnOutageAndReadyAfterIt() throws Exception {
        String key = "outage-" + UUID.randomUUID();
        VigilEvent<?> event = deployStarted(key);
        consumer.databaseDown = true;
        try {
            send(key, codec.encode(event));
            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.attempts.containsKey(event.id())
                    && consumer.attempts.get(event.id()).get() > 4);
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'vigil-consumers' }.data.'" + RecordingConsumer.NAME + "'", containsString("degraded since"));
        } finally {
            consumer.databaseDown = false;
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> consumer.applied.contains(event.id()));
        given().get("/q/health/ready").then().statusCode(200);
        assertThat(KafkaTestTopics.read(Topics.DEAD_LETTER, r -> key.equals(r.key()), 1, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void shouldDeadLetterAHandlerThatFailsEveryTimeWhileTheInfrastructureIsFine() throws Exception {
        String key = "bug-" + UUID.randomUUID();
        VigilEvent<?> event = deployStarted(key);
        send(key, codec.encode(event));

        ConsumerRecord<String, byte[]> dead = deadLetterFor(key);
        assertThat(header(dead, DeadLetters.REASON)).startsWith("failed after 4 attempts").contains("a bug in the handler");
        assertThat(consumer.attempts.get(event.id())).hasValue(4);
        assertThat(consumer.applied).doesNotContain(event.id());
    }

    private ConsumerRecord<String, byte[]> deadLetterFor(String key) {
        List<ConsumerRecord<String, byte[]>> dead = KafkaTestTopics.read(Topics.DEAD_LETTER, r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        return dead.get(0);
    }

    private void send(String key, byte[] value) throws Exception {
        producer.send(EventCodec.structuredRecord(topic, key, value)).get();
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
