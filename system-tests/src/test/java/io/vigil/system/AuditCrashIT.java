package io.vigil.system;

import io.vigil.events.EventCodec;
import io.vigil.events.VigilEvent;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.platform.testing.KafkaTestTopics;
import io.vigil.platform.testing.Tokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** audit-service is killed with SIGKILL while events keep arriving; after a restart every event is logged exactly once. */
class AuditCrashIT {
    static final int EVENTS = 3_000;
    final EventCodec codec = new EventCodec();

    @Test
    void shouldLogEveryEventExactlyOnceAcrossAKill9() throws Exception {
        String topic = "crash-test-" + UUID.randomUUID();
        KafkaTestTopics.create(topic, 3);
        Map<String, String> config = Map.of("vigil.audit.intake.topics", topic,
                "vigil.audit.intake.group-id", ServiceProcess.group("audit-crash"),
                // small batches: many commits, so the kill lands between some of them
                "vigil.audit.intake.max-poll-records", "50");
        Set<String> sent = ConcurrentHashMap.newKeySet();

        try (ServiceProcess audit = ServiceProcess.start("audit", config, true)) {
            assertThat(size(audit)).as("a fresh log").isZero();
            CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> produce(topic, sent));
            await().atMost(Duration.ofSeconds(30)).until(() -> size(audit) > 200);
            audit.kill();
            long beforeRestart = sent.size();

            try (ServiceProcess restarted = ServiceProcess.start("audit", config, false)) {
                producing.get();
                assertThat(beforeRestart).as("events kept arriving while the service was down").isLessThan(EVENTS);
                await().atMost(Duration.ofSeconds(60)).until(() -> size(restarted) >= EVENTS);

                assertThat(size(restarted)).isEqualTo(EVENTS);
                given().baseUri(restarted.url()).auth().oauth2(Tokens.of("auditor")).get("/audit/verify")
                        .then().statusCode(200).body("valid", equalTo(true)).body("checked", equalTo(EVENTS));
                assertThat(loggedEventIds(restarted)).hasSize(EVENTS).containsExactlyInAnyOrderElementsOf(sent);
            }
        }
    }

    private void produce(String topic, Set<String> sent) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestTopics.BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < EVENTS; i++) {
                String id = "dep-crash-" + i;
                Instant at = Instant.parse("2026-11-22T14:00:00Z").plusSeconds(i);
                VigilEvent<DeployStarted> event = VigilEvent.of(URI.create("https://ci.example.com"), id, at, "ci-publisher", null, null,
                        new DeployStarted(id, "checkout", "1.0." + i, "production", "oncall-" + (1 + i % 4),
                                "https://git.example.com/pr/" + i, true, "https://git.example.com/rollback/" + i, at));
                var record = codec.toRecord(event);
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, null, record.key(), record.value(), record.headers())).get();
                sent.add(event.id());
                if (i % 100 == 99) {
                    Thread.sleep(100); // ~3 s of steady traffic: the kill and the restart happen while it flows
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> loggedEventIds(ServiceProcess audit) {
        List<String> ids = new java.util.ArrayList<>();
        Object next = 0;
        while (next != null) {
            var page = given().baseUri(audit.url()).auth().oauth2(Tokens.of("auditor"))
                    .queryParam("limit", 1000).queryParam("after", next).get("/audit/entries").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.eventId", String.class));
            next = page.get("next");
        }
        return ids;
    }

    private static long size(ServiceProcess audit) {
        return ((Number) given().baseUri(audit.url()).auth().oauth2(Tokens.of("auditor")).get("/audit/tree-head")
                .then().statusCode(200).extract().path("treeSize")).longValue();
    }
}
