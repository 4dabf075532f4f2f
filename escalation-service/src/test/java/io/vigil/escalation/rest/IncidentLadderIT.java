package io.vigil.escalation.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vigil.escalation.persistence.RosterReadModel;
import io.vigil.events.Envelope;
import io.vigil.events.EventCodec;
import io.vigil.events.Topics;
import io.vigil.events.VigilEvent;
import io.vigil.events.alerts.AlertRaised;
import io.vigil.events.alerts.Signals;
import io.vigil.platform.clock.ControllableClock;
import io.vigil.platform.testing.KafkaTestTopics;
import io.vigil.platform.testing.Tokens;
import io.vigil.platform.timer.TimerPoller;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Alerts from Kafka and HTTP open incidents that climb the ladder as the service's clock moves; real Kafka, PostgreSQL, Keycloak. */
@QuarkusTest
class IncidentLadderIT {
    static final URI MONITORING = URI.create("https://prometheus.example.com");
    final EventCodec codec = new EventCodec();
    @Inject
    Producer<String, byte[]> producer;
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
    TimerPoller timers;
    @Inject
    RosterReadModel roster;
    @Inject
    javax.sql.DataSource dataSource;

    @BeforeEach
    void onCall() {
        OnCallRoster.publish(producer, roster, clock.instant());
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    void raise(String key, String service, Signals signals) throws Exception {
        producer.send(codec.toRecord(VigilEvent.of(MONITORING, key, now(), "prometheus", null, null,
                new AlertRaised(key, "prometheus", service, "uploads failing", null, null, signals, null, now())))).get();
    }

    static String incidentOf(String key) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath all = given().auth().oauth2(Tokens.of("engineer")).get("/incidents?status=all").then().statusCode(200).extract().jsonPath();
            List<String> ids = all.getList("findAll { i -> i.alerts.find { a -> a.alertKey == '" + key + "' } != null }.incidentId");
            return ids.isEmpty() ? null : ids.get(0);
        }, id -> id != null);
    }

    static JsonPath incident(String id) {
        return given().auth().oauth2(Tokens.of("engineer")).get("/incidents/" + id).then().statusCode(200).extract().jsonPath();
    }

    static List<String> escalations(String id) {
        return incident(id).getList("timeline.findAll { it.type == 'vigil.incident.escalated.v1' }.collect { it.policyRule + ' ' + it.targets }");
    }

    /** Moves the clock to {@code sinceOpened} after {@code openedAt} and fires every timer due by then. */
    void at(Instant openedAt, Duration sinceOpened) {
        clock.advance(Duration.between(clock.instant(), openedAt.plus(sinceOpened)));
        timers.fireDue();
    }

    @Test
    void shouldPageUpTheP1LadderAtEachStepAndNotASecondBefore() throws Exception {
        String key = "alert-" + UUID.randomUUID();
        raise(key, "ingest-" + UUID.randomUUID(), new Signals(null, 301L, null, null, null, null));
        String id = incidentOf(key);
        JsonPath opened = incident(id);
        assertThat(opened.getString("severity")).isEqualTo("P1");
        assertThat(opened.getString("policyRule")).isEqualTo("severity.P1.circuit-breaker-open");
        Instant openedAt = Instant.parse(opened.getString("openedAt"));
        assertThat(escalations(id)).containsExactly("ladder.P1.step0 on-call-primary=oncall-3");

        at(openedAt, Duration.ofMinutes(15).minusSeconds(1));
        assertThat(escalations(id)).hasSize(1);
        at(openedAt, Duration.ofMinutes(15));
        assertThat(escalations(id)).containsExactly("ladder.P1.step0 on-call-primary=oncall-3",
                "ladder.P1.unacknowledged on-call-secondary=oncall-4");
        at(openedAt, Duration.ofMinutes(30).minusSeconds(1));
        assertThat(escalations(id)).hasSize(2);
        at(openedAt, Duration.ofMinutes(30));
        // other services' tests grant realm roles on the same topic: the ladder reaches every holder
        assertThat(escalations(id)).last().asString().startsWith("ladder.P1.step2 ").contains("ingestion-owner=ingestion-owner")
                .doesNotContain("on-call");
        at(openedAt, Duration.ofMinutes(60));
        assertThat(escalations(id)).hasSize(4).last().asString().startsWith("ladder.P1.step3 ")
                .contains("sre-lead=sre-lead").contains("product-manager=product-manager");
        assertThat(incident(id).getList("timeline.findAll { it.type == 'vigil.incident.update-due.v1' }")).hasSize(2);

        raise(key, "ingest", new Signals(null, 400L, null, null, null, null)); // a repeat joins the incident
        await().atMost(Duration.ofSeconds(10)).until(() -> KafkaTestTopics.read(Topics.ALERTS, r -> key.equals(r.key()), 2,
                Duration.ofSeconds(5)).size() == 2);
        given().auth().oauth2(Tokens.of(OnCallRoster.PRIMARY)).contentType(ContentType.JSON)
                .body(Map.of("rootCause", "a full disk", "resolution", "disk extended")).post("/incidents/" + id + "/resolve")
                .then().statusCode(200);
        assertThat(incident(id).getString("status")).isEqualTo("resolved");
        assertThat(incident(id).getList("alerts.alertKey")).containsExactly(key);

        List<String> types = KafkaTestTopics.read(Topics.INCIDENTS, r -> id.equals(r.key()), 8, Duration.ofSeconds(20)).stream()
                .map(r -> codec.decode(r.headers(), r.value()).type()).toList();
        assertThat(types).containsExactlyInAnyOrder("vigil.incident.opened.v1", "vigil.incident.escalated.v1",
                "vigil.incident.escalated.v1", "vigil.incident.escalated.v1", "vigil.incident.escalated.v1",
                "vigil.incident.update-due.v1", "vigil.incident.update-due.v1", "vigil.incident.resolved.v1");
        at(openedAt, Duration.ofMinutes(120));
        assertThat(incident(id).getList("timeline")).hasSize(8);
        assertThat(given().auth().oauth2(Tokens.of("engineer")).get("/incidents").then().extract().jsonPath()
                .getList("incidentId")).doesNotContain(id);
    }

    @Test
    void shouldPageTheWindowOwnerAsIngestionOwnerForAnAlertReportedOverHttp() {
        String service = "checkout-" + UUID.randomUUID();
        String deployId = "dep-" + UUID.randomUUID();
        new Published(producer).windowAssigned(deployId, service, "oncall-2", now().minus(Duration.ofHours(1)), now().plus(Duration.ofHours(47)));
        await().atMost(Duration.ofSeconds(30)).until(() -> roster.openWindow(service, now()).isPresent());

        String key = "http-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.ofClient("ci-publisher", "ci-publisher-secret")).contentType(ContentType.JSON)
                .body(Map.of("alertKey", key, "status", "firing", "source", "grafana", "service", service, "title", "checkout errors",
                        "signals", Map.of("errorRatePct", 20.01)))
                .post("/alerts").then().statusCode(202);
        String id = incidentOf(key);
        JsonPath opened = incident(id);
        assertThat(opened.getString("severity")).isEqualTo("P2");
        assertThat(opened.getString("deployId")).isEqualTo(deployId);
        assertThat(opened.getString("deployOwner")).isEqualTo("oncall-2");
        at(Instant.parse(opened.getString("openedAt")), Duration.ofMinutes(60));
        assertThat(escalations(id)).containsExactly("ladder.P2.step0 on-call-primary=oncall-3",
                "ladder.P2.step1 on-call-secondary=oncall-4", "ladder.P2.step2 ingestion-owner=oncall-2");

        List<Envelope> published = KafkaTestTopics.read(Topics.ALERTS, r -> key.equals(r.key()), 1, Duration.ofSeconds(20)).stream()
                .map(r -> codec.decode(r.headers(), r.value())).toList();
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo(key);
            assertThat(e.type()).isEqualTo("vigil.alert.raised.v1");
            assertThat(e.actor()).isEqualTo("service-account-ci-publisher");
        });
    }

    @Test
    void shouldResolveByItselfWhenItsAlertResolvesAtTheSourceWhicheverModeCarriesIt() throws Exception {
        String key = "alert-" + UUID.randomUUID();
        VigilEvent<AlertRaised> raised = VigilEvent.of(MONITORING, key, now(), "prometheus", null, null,
                new AlertRaised(key, "prometheus", "ingest", "uploads failing", null, null, new Signals(null, null, null, 3, null, null), null, now()));
        producer.send(codec.toRecord(raised)).get();
        producer.send(codec.toRecord(raised)).get(); // a redelivery has no second effect
        String id = incidentOf(key);
        assertThat(incident(id).getString("severity")).isEqualTo("P2");

        // binary mode: the CloudEvent's attributes in ce_* headers, the data as the value
        ProducerRecord<String, byte[]> binary = new ProducerRecord<>(Topics.ALERTS, key, """
                {"alertKey":"%s","source":"prometheus","service":"ingest","resolvedAt":"%s"}""".formatted(key, now())
                .getBytes(StandardCharsets.UTF_8));
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", MONITORING.toString(),
                        "ce_type", "vigil.alert.resolved.v1", "ce_subject", key, "ce_time", now().toString(),
                        "content-type", "application/json")
                .forEach((name, value) -> binary.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(binary).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> incident(id).getString("status").equals("resolved"));
        assertThat(incident(id).getString("resolvedBy")).isEqualTo("escalation-service");
        assertThat(incident(id).getList("alerts.firing")).containsExactly(false);
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("SELECT event_type FROM event_store WHERE aggregate_id = ? ORDER BY version")) {
            ps.setString(1, key);
            List<String> stored = new java.util.ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            assertThat(stored).containsExactly("vigil.alert.raised.v1", "vigil.alert.resolved.v1");
        }
    }

    @Test
    void shouldLetOnlyTheOnCallTheIngestionOwnerAndTheSreLeadActAndNameTheRule() throws Exception {
        String key = "alert-" + UUID.randomUUID();
        raise(key, "ingest", Signals.none());
        String id = incidentOf(key);
        given().post("/incidents/" + id + "/acknowledge").then().statusCode(401);
        for (String user : List.of("engineer", "database-owner", "product-manager", "auditor")) {
            given().auth().oauth2(Tokens.of(user)).post("/incidents/" + id + "/acknowledge").then().statusCode(403)
                    .contentType("application/problem+json").body("rule", org.hamcrest.Matchers.equalTo("incident.responders"));
        }
        given().auth().oauth2(Tokens.of(OnCallRoster.SECONDARY)).post("/incidents/" + id + "/acknowledge").then().statusCode(200)
                .body("acknowledgedBy", org.hamcrest.Matchers.equalTo(OnCallRoster.SECONDARY));
        given().auth().oauth2(Tokens.of(OnCallRoster.PRIMARY)).post("/incidents/" + id + "/acknowledge").then().statusCode(409)
                .contentType("application/problem+json").body("rule", org.hamcrest.Matchers.equalTo("incident.acknowledge"));
        given().auth().oauth2(Tokens.of("sre-lead")).contentType(ContentType.JSON).body(Map.of("reason", "customers call"))
                .post("/incidents/" + id + "/escalate").then().statusCode(200);
        given().auth().oauth2(Tokens.of("ingestion-owner")).contentType(ContentType.JSON).body(Map.of("severity", "P1", "reason", "all uploads"))
                .post("/incidents/" + id + "/severity").then().statusCode(200).body("severity", org.hamcrest.Matchers.equalTo("P1"));
        given().auth().oauth2(Tokens.of("ingestion-owner")).contentType(ContentType.JSON).body(Map.of("severity", "P9"))
                .post("/incidents/" + id + "/severity").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("sre-lead")).post("/incidents/inc-nothing/acknowledge").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("auditor")).contentType(ContentType.JSON)
                .body(Map.of("alertKey", "k", "status", "firing", "source", "s", "service", "s", "title", "t"))
                .post("/alerts").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("engineer")).contentType(ContentType.JSON)
                .body(Map.of("alertKey", "k", "status", "burning", "source", "s", "service", "s"))
                .post("/alerts").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("engineer")).contentType(ContentType.JSON)
                .body(Map.of("alertKey", "inc-123", "status", "firing", "source", "s", "service", "s", "title", "t"))
                .post("/alerts").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("alertKey"));
        given().get("/incidents").then().statusCode(401);
    }
}
