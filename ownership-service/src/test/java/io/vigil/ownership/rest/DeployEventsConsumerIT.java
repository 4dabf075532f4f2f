package io.vigil.ownership.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventCodec;
import io.vigil.events.Topics;
import io.vigil.events.VigilEvent;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.platform.deadletter.DeadLetters;
import io.vigil.platform.testing.KafkaTestTopics;
import io.vigil.platform.testing.Tokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A CI/CD system announces a deploy on vigil.deploys; ownership-service assigns its owner. */
@QuarkusTest
class DeployEventsConsumerIT {
    @Inject
    Producer<String, byte[]> producer;
    @Inject
    EventCodec codec;

    @org.junit.jupiter.api.BeforeEach
    void registerPeople() {
        RegisteredPeople.registerAll();
    }

    @Test
    void shouldAssignAnOwnerToADeployAnnouncedByCi() throws Exception {
        String id = "dep-ci-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-22T10:00:00Z");
        VigilEvent<DeployStarted> started = VigilEvent.of(URI.create("https://ci.example.com"), id, at, "ci-publisher", null, null,
                new DeployStarted(id, "payments", "3.1.0", "production", "oncall-3", "https://git.example.com/pr/9", true,
                        "https://git.example.com/rollback/9", at));
        producer.send(codec.toRecord(started)).get();
        producer.send(codec.toRecord(started)).get(); // a redelivery changes nothing

        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().auth().oauth2(Tokens.of("engineer")).get("/deploys/" + id).statusCode() == 200);
        given().auth().oauth2(Tokens.of("engineer")).get("/deploys/" + id).then()
                .body("owner", org.hamcrest.Matchers.equalTo("oncall-3"))
                .body("windowEndsAt", org.hamcrest.Matchers.equalTo("2026-11-24T10:00:00Z"));

        // the window's deadlines (this deploy started in the past) may add check and checkpoint misses
        List<ConsumerRecord<String, byte[]>> assigned = KafkaTestTopics.read(Topics.OWNERSHIP, r -> id.equals(r.key()), 10, Duration.ofSeconds(10))
                .stream().filter(r -> codec.decode(r.headers(), r.value()).type().equals("vigil.ownership.assigned.v1")).toList();
        assertThat(assigned).singleElement().satisfies(r -> {
            var e = codec.decode(r.headers(), r.value());
            assertThat(e.causationId()).isEqualTo(started.id());
            assertThat(e.correlationId()).isEqualTo(started.correlationId());
        });
    }

    @Test
    void shouldFillTheT0ChecklistFromDeployCompletedAndDecideAReportedRolloutStage() throws Exception {
        String id = "dep-ci-" + UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        URI ci = URI.create("https://ci.example.com");
        producer.send(codec.toRecord(VigilEvent.of(ci, id, at, "ci-publisher", null, null,
                new DeployStarted(id, "payments", "3.2.0", "production", "oncall-4", "https://git.example.com/pr/10", true,
                        "https://git.example.com/rollback/10", at)))).get();
        producer.send(codec.toRecord(VigilEvent.of(ci, id, at, "ci-publisher", null, null,
                new io.vigil.events.deploys.DeployCompleted(id, "payments", "3.2.0", false, at)))).get();
        producer.send(codec.toRecord(VigilEvent.of(ci, id, at, "ci-publisher", null, null,
                new io.vigil.events.deploys.RolloutStageReported(id, "payments", 5, 0.61, 0.5, 200, 200, 0, 600,
                        io.vigil.events.deploys.ReleaseType.MINOR, at, at)))).get();

        await().atMost(Duration.ofSeconds(60)).until(() -> "PAUSE".equals(
                given().auth().oauth2(Tokens.of("engineer")).get("/deploys/" + id).jsonPath().getString("lastRolloutDecision")));
        given().auth().oauth2(Tokens.of("oncall-4")).contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("items", java.util.Map.of("posted-to-deploys-channel", true)))
                .post("/deploys/" + id + "/checkpoints/T0").then().statusCode(200)
                .body("checkpointsDone", org.hamcrest.Matchers.hasItem("T0"));

        List<String> ownership = KafkaTestTopics.read(Topics.OWNERSHIP, r -> id.equals(r.key()), 10, Duration.ofSeconds(10)).stream()
                .map(r -> codec.decode(r.headers(), r.value())).map(e -> e.type() + " " + new String(e.data(), StandardCharsets.UTF_8)).toList();
        assertThat(ownership).anySatisfy(e -> assertThat(e).startsWith("vigil.rollout.decided.v1").contains("rollout.pause.error-rate"))
                .anySatisfy(e -> assertThat(e).startsWith("vigil.checkpoint.completed.v1")
                        .contains("{\"name\":\"health-check-passing\",\"checked\":false,\"value\":null,\"fromEvents\":true}"));
    }

    @Test
    void shouldDeadLetterADeployWhoseOwnerIsNotARegisteredPerson() throws Exception {
        String id = "dep-ghost-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-22T10:00:00Z");
        VigilEvent<DeployStarted> started = VigilEvent.of(URI.create("https://ci.example.com"), id, at, "ci-publisher", null, null,
                new DeployStarted(id, "payments", "3.1.0", "production", "ghost-merger", "https://git.example.com/pr/9", true,
                        "https://git.example.com/rollback/9", at));
        producer.send(codec.toRecord(started)).get();

        List<ConsumerRecord<String, byte[]>> dead = KafkaTestTopics.read(Topics.DEAD_LETTER, r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).singleElement().satisfies(r -> assertThat(new String(r.headers().lastHeader(DeadLetters.REASON).value(),
                StandardCharsets.UTF_8)).contains("ownership.default-owner").contains("ghost-merger").contains("not a registered person"));
        given().auth().oauth2(Tokens.of("engineer")).get("/deploys/" + id).then().statusCode(404);
    }

    @Test
    void shouldDeadLetterADeployEventThatBreaksTheContract() throws Exception {
        String key = "dep-bad-" + UUID.randomUUID();
        String json = """
                {"specversion":"1.0","id":"%s","source":"https://ci.example.com","type":"vigil.deploy.started.v1",
                 "subject":"%s","time":"2026-11-22T10:00:00Z","datacontenttype":"application/json",
                 "data":{"deployId":"%s","service":"payments"}}""".formatted(UUID.randomUUID(), key, key);
        producer.send(EventCodec.structuredRecord(Topics.DEPLOYS, key, json.getBytes(StandardCharsets.UTF_8))).get();

        List<ConsumerRecord<String, byte[]>> dead = KafkaTestTopics.read(Topics.DEAD_LETTER, r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(new String(r.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8))
                    .contains("violates its schema").contains("mergedBy");
            assertThat(new String(r.headers().lastHeader(DeadLetters.CONSUMER).value(), StandardCharsets.UTF_8))
                    .isEqualTo("ownership.deploys");
        });
    }
}
