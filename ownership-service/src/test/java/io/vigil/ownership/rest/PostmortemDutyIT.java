package io.vigil.ownership.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vigil.events.EventCodec;
import io.vigil.events.Severity;
import io.vigil.events.Topics;
import io.vigil.events.VigilEvent;
import io.vigil.events.deploys.DeployRolledBack;
import io.vigil.events.incidents.IncidentOpened;
import io.vigil.events.killswitch.KillSwitchAction;
import io.vigil.events.killswitch.KillSwitchActivated;
import io.vigil.events.killswitch.KillSwitchScenario;
import io.vigil.platform.clock.ControllableClock;
import io.vigil.platform.testing.KafkaTestTopics;
import io.vigil.platform.testing.Tokens;
import io.vigil.platform.timer.TimerPoller;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Seed 000's post-mortem duty fed by the incidents, kill-switch and deploy topics; overdue by a durable timer. */
@QuarkusTest
class PostmortemDutyIT {
    static final URI ESCALATION = URI.create("urn:vigil:escalation-service");

    @Inject
    Producer<String, byte[]> producer;
    @Inject
    EventCodec codec;
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

    @BeforeEach
    void registerPeople() {
        RegisteredPeople.registerAll();
    }

    String startDeploy(String service) {
        return startDeploy(service, now());
    }

    String startDeploy(String service, Instant startedAt) {
        String id = "dep-pm-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(DeployResourceIT.body(id));
        body.put("service", service);
        body.put("owner", "oncall-2");
        body.put("startedAt", startedAt.toString());
        given().auth().oauth2(Tokens.of("engineer")).contentType(ContentType.JSON).body(body).post("/deploys").then().statusCode(201);
        return id;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    void awaitPostmortems(String id, String field, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().auth().oauth2(Tokens.of("engineer")).get("/deploys/" + id).jsonPath().getInt("postmortems." + field) == count);
    }

    Instant publishIncident(String service, Severity severity) throws Exception {
        return publishIncident(service, severity, now());
    }

    Instant publishIncident(String service, Severity severity, Instant openedAt) throws Exception {
        String incidentId = "inc-" + UUID.randomUUID();
        producer.send(codec.toRecord(VigilEvent.of(ESCALATION, incidentId, openedAt, "escalation-service", null, null,
                new IncidentOpened(incidentId, service, "error rate", severity, List.of(), List.of("alert-1"), "global",
                        null, null, openedAt, "severity.P1.global-failure", "test")))).get();
        return openedAt;
    }

    @Test
    void shouldRequireAPostmortemForAP1IncidentARollbackAndAKillSwitchAndTakeTheOwnersDoc() throws Exception {
        String service = "svc-" + UUID.randomUUID();
        String id = startDeploy(service);

        publishIncident(service, Severity.P2);
        publishIncident(service, Severity.P1);
        awaitPostmortems(id, "required", 1);

        producer.send(codec.toRecord(VigilEvent.of(URI.create("https://ci.example.com"), id, now(), "ci-publisher", null, null,
                new DeployRolledBack(id, service, "1.42.0", "1.41.3", "oncall-2", "error spike", now())))).get();
        awaitPostmortems(id, "required", 2);

        String switchId = "ks-" + UUID.randomUUID();
        producer.send(codec.toRecord(VigilEvent.of(ESCALATION, switchId, now(), "oncall-1", null, null,
                new KillSwitchActivated(switchId, KillSwitchAction.PAUSE, "global", KillSwitchScenario.ERROR_RATE_ABOVE_20,
                        "error rate 24 %", Severity.P1, "oncall-1", now(), 30, List.of(), List.of(), null, List.of(),
                        "killswitch.scenario.error-rate-above-20", "test")))).get();
        awaitPostmortems(id, "required", 3);

        List<String> required = KafkaTestTopics.read(Topics.OWNERSHIP, r -> id.equals(r.key()), 10, Duration.ofSeconds(10)).stream()
                .map(r -> codec.decode(r.headers(), r.value())).filter(e -> e.type().equals("vigil.postmortem.required.v1"))
                .map(e -> new String(e.data(), StandardCharsets.UTF_8)).toList();
        assertThat(required).hasSize(3).anySatisfy(d -> assertThat(d).contains("\"trigger\":\"p1-incident\"")
                        .contains("docs/incidents/").contains(service + "-p1-incident.md").contains("postmortem.p1-incident"))
                .anySatisfy(d -> assertThat(d).contains("\"trigger\":\"rollback\""))
                .anySatisfy(d -> assertThat(d).contains("\"trigger\":\"killswitch-activated\"").contains(switchId));

        given().auth().oauth2(Tokens.of("engineer")).contentType(ContentType.JSON).body(Map.of("docUrl", "https://docs.example.com/pm"))
                .post("/deploys/" + id + "/postmortem").then().statusCode(403).body("rule", equalTo("postmortem.p1-incident"));
        given().auth().oauth2(Tokens.of("oncall-2")).contentType(ContentType.JSON)
                .body(Map.of("docUrl", "docs/incidents/2026-11-23-" + service + ".md"))
                .post("/deploys/" + id + "/postmortem").then().statusCode(400).body("errors.field", hasItem("docUrl"));
        given().auth().oauth2(Tokens.of("oncall-2")).contentType(ContentType.JSON)
                .body(Map.of("docUrl", "https://git.example.com/vigil/blob/main/docs/incidents/2026-11-23-" + service + ".md"))
                .post("/deploys/" + id + "/postmortem").then().statusCode(200).body("postmortems.filed", equalTo(3));
    }

    @Test
    void shouldReportAPostmortemOverdueAt72HoursNotASecondBefore() throws Exception {
        // the window and the incident lie 73 h and 72 h less 30 s back: the clock moves seconds, not days
        String service = "svc-" + UUID.randomUUID();
        Instant openedAt = now().minus(Duration.ofHours(72)).plusSeconds(30);
        String id = startDeploy(service, openedAt.minus(Duration.ofHours(1)));
        publishIncident(service, Severity.P1, openedAt);
        awaitPostmortems(id, "required", 1);

        clock.advance(Duration.between(clock.instant(), openedAt.plus(Duration.ofHours(72))).minusSeconds(1));
        timers.fireDue();
        given().auth().oauth2(Tokens.of("engineer")).get("/deploys/" + id).then().body("postmortems.overdue", equalTo(0));

        clock.advance(Duration.ofSeconds(1));
        timers.fireDue();
        given().auth().oauth2(Tokens.of("engineer")).get("/deploys/" + id).then().body("postmortems.overdue", equalTo(1));
    }
}
