package io.vigil.system;

import io.vigil.events.EventCodec;
import io.vigil.events.Topics;
import io.vigil.events.VigilEvent;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.platform.testing.KafkaTestTopics;
import io.vigil.platform.testing.Tokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * PostgreSQL is stopped for 20 s while deploy events keep arriving. Every consumer waits the outage out:
 * afterwards nothing is dead-lettered, every deploy has exactly one owner, the audit log holds every event
 * once and verifies, and every service is ready again without a restart.
 */
class DatabaseOutageIT {
    static final int BEFORE = 10;
    static final int DURING = 30;
    static final Duration OUTAGE = Duration.ofSeconds(20);
    final EventCodec codec = new EventCodec();

    @Test
    void shouldRideOutADatabaseOutageWithNothingLostOrDoubled() throws Exception {
        String topic = "deploys-outage-" + UUID.randomUUID();
        KafkaTestTopics.create(topic, 3);
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (ServiceProcess ownership = ServiceProcess.start("ownership", Map.of(
                "mp.messaging.incoming.deploys.topic", topic,
                "mp.messaging.incoming.deploys.group.id", ServiceProcess.group("ownership-outage"),
                "mp.messaging.incoming.incidents.group.id", ServiceProcess.group("ownership-outage-incidents"),
                "mp.messaging.incoming.killswitch.group.id", ServiceProcess.group("ownership-outage-killswitch")));
             ServiceProcess audit = ServiceProcess.start("audit", Map.of(
                     "vigil.audit.intake.topics", topic + "," + Topics.OWNERSHIP + "," + Topics.DEAD_LETTER,
                     "vigil.audit.intake.group-id", ServiceProcess.group("audit-outage")));
             KafkaProducer<String, byte[]> producer = producer()) {
            // the deploys' owner must be a registered person, or they are dead-lettered
            given().baseUri(ownership.url()).auth().oauth2(Tokens.of("admin")).contentType(io.restassured.http.ContentType.JSON)
                    .body(Map.of("name", "On Call One", "email", "oncall-1@vigil.local", "timeZone", "Europe/Berlin",
                            "roles", List.of("engineer")))
                    .when().put("/people/oncall-1").then().statusCode(org.hamcrest.Matchers.lessThan(300));
            List<String> deploys = new ArrayList<>();
            for (int i = 0; i < BEFORE; i++) {
                deploys.add(publish(producer, topic, "dep-outage-" + run + "-" + i));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> owned(ownership, deploys.get(BEFORE - 1)));

            Instant stopped = Instant.now();
            postgres("stop");
            boolean degradedSeen = false;
            try {
                for (int i = BEFORE; i < BEFORE + DURING; i++) {
                    deploys.add(publish(producer, topic, "dep-outage-" + run + "-" + i));
                    Thread.sleep(OUTAGE.toMillis() / DURING / 2);
                }
                while (Duration.between(stopped, Instant.now()).compareTo(OUTAGE) < 0) {
                    degradedSeen |= readiness(ownership) == 503 && readiness(audit) == 503;
                    Thread.sleep(500);
                }
            } finally {
                postgres("start");
            }
            assertThat(degradedSeen).as("both services said they were degraded during the outage").isTrue();

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> readiness(ownership) == 200 && readiness(audit) == 200);
            for (String deploy : deploys) {
                await().atMost(Duration.ofSeconds(60)).until(() -> owned(ownership, deploy));
                await().atMost(Duration.ofSeconds(60)).until(() -> logged(audit, deploy).size() >= 3);
                // a CI/CD deploy confirms none of seed 002's pre-deploy items: it is flagged as well
                assertThat(logged(audit, deploy)).as("audit entries of " + deploy).containsExactlyInAnyOrder(
                        "vigil.deploy.started.v1", "vigil.ownership.assigned.v1", "vigil.deploy.flagged.v1");
            }
            assertThat(KafkaTestTopics.read(Topics.DEAD_LETTER, r -> r.key() != null && r.key().contains(run),
                    1, Duration.ofSeconds(5))).as("dead letters of this run").isEmpty();
            given().baseUri(audit.url()).auth().oauth2(Tokens.of("auditor")).get("/audit/verify")
                    .then().statusCode(200).body("valid", equalTo(true));
        }
    }

    private String publish(KafkaProducer<String, byte[]> producer, String topic, String deployId) throws Exception {
        Instant at = Instant.now();
        VigilEvent<DeployStarted> event = VigilEvent.of(URI.create("https://ci.example.com"), deployId, at, "ci-publisher", null, null,
                new DeployStarted(deployId, "checkout", "3.0.0", "production", "oncall-1",
                        "https://git.example.com/pr/300", true, "https://git.example.com/rollback/300", at));
        var record = codec.toRecord(event);
        producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers())).get();
        return deployId;
    }

    private static boolean owned(ServiceProcess ownership, String deployId) {
        var response = given().baseUri(ownership.url()).auth().oauth2(Tokens.of("engineer")).get("/deploys/" + deployId);
        return response.statusCode() == 200 && "oncall-1".equals(response.path("owner"));
    }

    private static List<String> logged(ServiceProcess audit, String subject) {
        return given().baseUri(audit.url()).auth().oauth2(Tokens.of("auditor")).queryParam("subject", subject)
                .get("/audit/entries").then().statusCode(200).extract().path("items.type");
    }

    private static int readiness(ServiceProcess service) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(service.url() + "/q/health/ready").toURL().openConnection();
            c.setConnectTimeout(2_000);
            c.setReadTimeout(10_000);
            return c.getResponseCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void postgres(String command) throws Exception {
        Path script = Path.of(System.getProperty("vigil.apps.dir", "..")).resolve("infra/postgres.sh");
        Process p = new ProcessBuilder(script.toString(), command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("infra/postgres.sh " + command + " failed");
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestTopics.BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }
}
