package io.vigil.system;

import io.restassured.http.ContentType;
import io.vigil.events.EventCodec;
import io.vigil.events.Topics;
import io.vigil.events.VigilEvent;
import io.vigil.events.incidents.IncidentEscalated;
import io.vigil.platform.testing.KafkaTestTopics;
import io.vigil.platform.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The escalation ladder of a P1 (steps at 0, 15, 30 and 60 min) on the packaged escalation-service, with real Kafka and
 * PostgreSQL: every step fires once and none twice, when the service is killed with SIGKILL and restarted during the
 * incident, and when two instances share the database and the consumer group. The clock is moved through each
 * instance's clock control ({@code POST /admin/clock/advance}, which also fires the timers then due); a restarted
 * instance starts again at the real time and is moved forward again. Counted: {@code incident.escalated} on
 * {@code vigil.incidents} per (incident, step), by event id (the outbox relay may publish an event again after a
 * crash; that is the same firing, and consumers skip it by its id).
 */
class EscalationLadderOnceIT {
    static final int P1_STEPS = 4;
    final EventCodec codec = new EventCodec();

    /** The ladder's inputs on topics of this run, so that a fresh consumer group does not replay other tests' alerts. */
    static Map<String, String> config(String run) {
        Map<String, String> config = new HashMap<>();
        for (String channel : List.of("alerts", "roster", "ownership")) {
            String topic = channel + "-ladder-" + run;
            KafkaTestTopics.create(topic, 2);
            config.put("mp.messaging.incoming." + channel + ".topic", topic);
            config.put("mp.messaging.incoming." + channel + ".group.id", "escalation-ladder-" + run + "-" + channel);
        }
        return config;
    }

    @Test
    void shouldFireEveryLaterStepOnceWhenKilledAndRestartedDuringAnOpenP1() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> config = config(run);
        String id;
        ServiceProcess first = ServiceProcess.start("escalation", config);
        try {
            id = raiseP1(first, "crash-" + run);
            advance(first, "PT15M");
            advance(first, "PT15M"); // step 2 (30 min) fired and committed; its event may not be published yet
            first.kill();
        } finally {
            first.close();
        }
        try (ServiceProcess restarted = ServiceProcess.start("escalation", config, false)) {
            advance(restarted, "PT30M"); // the restarted clock starts at the real time again: 30 min after opening
            advance(restarted, "PT30M"); // 60 min: the last step
            advance(restarted, "PT60M"); // nothing is left to fire
            assertThat(status(restarted, id)).isEqualTo("open");
        }
        assertThat(firings(Set.of(id))).isEqualTo(once(Set.of(id)));
    }

    @Test
    void shouldFireEachStepOnceWithTwoInstancesSideBySide() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> config = config(run);
        Set<String> ids = new TreeSet<>();
        try (ServiceProcess a = ServiceProcess.start("escalation", config);
             ServiceProcess b = ServiceProcess.start("escalation", config, false)) {
            for (int i = 0; i < 3; i++) {
                ids.add(raiseP1(a, "pair-a-" + i + "-" + run));
                ids.add(raiseP1(b, "pair-b-" + i + "-" + run));
            }
            for (String by : List.of("PT15M", "PT15M", "PT30M", "PT60M")) { // both instances' timers fall due together
                CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> advance(a, by));
                CompletableFuture<Void> onB = CompletableFuture.runAsync(() -> advance(b, by));
                CompletableFuture.allOf(onA, onB).join();
            }
            List<ConsumerRecord<String, byte[]>> records = escalatedRecords(ids, ids.size() * P1_STEPS + 1);
            assertThat(records).as("incident.escalated records, none published twice").hasSize(ids.size() * P1_STEPS);
        }
        assertThat(firings(ids)).isEqualTo(once(ids));
    }

    private static String raiseP1(ServiceProcess service, String alertKey) {
        given().baseUri(service.url()).auth().oauth2(Tokens.ofClient("ci-publisher", "ci-publisher-secret")).contentType(ContentType.JSON)
                .body(Map.of("alertKey", alertKey, "status", "firing", "source", "prometheus", "service", "ingest",
                        "title", "uploads failing", "signals", Map.of("circuitBreakerOpenSeconds", 301)))
                .post("/alerts").then().statusCode(202);
        String id = await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<String> found = given().baseUri(service.url()).auth().oauth2(Tokens.of("engineer")).get("/incidents?status=all")
                    .then().statusCode(200).extract().jsonPath()
                    .getList("findAll { i -> i.alerts.find { a -> a.alertKey == '" + alertKey + "' } != null }.incidentId");
            return found.isEmpty() ? null : found.get(0);
        }, found -> found != null);
        assertThat(given().baseUri(service.url()).auth().oauth2(Tokens.of("engineer")).get("/incidents/" + id)
                .then().statusCode(200).extract().path("severity").toString()).isEqualTo("P1");
        return id;
    }

    private static void advance(ServiceProcess service, String by) {
        given().baseUri(service.url()).auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON).body(Map.of("by", by))
                .post("/admin/clock/advance").then().statusCode(200);
    }

    private static String status(ServiceProcess service, String id) {
        return given().baseUri(service.url()).auth().oauth2(Tokens.of("engineer")).get("/incidents/" + id)
                .then().statusCode(200).extract().path("status");
    }

    /** Each incident's steps 0..3, each fired by one event. */
    private static Map<String, Integer> once(Set<String> ids) {
        Map<String, Integer> expected = new TreeMap<>();
        for (String id : ids) {
            for (int step = 0; step < P1_STEPS; step++) {
                expected.put(id + " step " + step, 1);
            }
        }
        return expected;
    }

    /** How many distinct {@code incident.escalated} events each (incident, step) has on {@code vigil.incidents}. */
    private Map<String, Integer> firings(Set<String> ids) {
        Map<String, Set<String>> eventIds = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : escalatedRecords(ids, ids.size() * P1_STEPS + 1)) {
            VigilEvent<?> event = codec.typed(codec.decode(r.headers(), r.value()));
            IncidentEscalated escalated = (IncidentEscalated) event.payload();
            eventIds.computeIfAbsent(escalated.incidentId() + " step " + escalated.step(), k -> new TreeSet<>()).add(event.id());
        }
        Map<String, Integer> counts = new TreeMap<>();
        eventIds.forEach((key, events) -> counts.put(key, events.size()));
        return counts;
    }

    /** Reads until one more than expected has turned up or 20 s have passed, so that a second firing would be seen. */
    private List<ConsumerRecord<String, byte[]>> escalatedRecords(Set<String> ids, int atMost) {
        return new ArrayList<>(KafkaTestTopics.read(Topics.INCIDENTS, r -> ids.contains(r.key())
                && "vigil.incident.escalated.v1".equals(codec.decode(r.headers(), r.value()).type()), atMost, Duration.ofSeconds(20)));
    }
}
