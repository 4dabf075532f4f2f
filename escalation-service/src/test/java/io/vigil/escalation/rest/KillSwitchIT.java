package io.vigil.escalation.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vigil.escalation.persistence.RosterReadModel;
import io.vigil.events.Envelope;
import io.vigil.events.DutyRole;
import io.vigil.events.EventCodec;
import io.vigil.events.EventType;
import io.vigil.events.Severity;
import io.vigil.events.Target;
import io.vigil.events.killswitch.KillSwitchActivated;
import io.vigil.events.Topics;
import io.vigil.platform.clock.ControllableClock;
import io.vigil.platform.testing.KafkaTestTopics;
import io.vigil.platform.testing.Tokens;
import io.vigil.platform.timer.TimerPoller;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The kill switch over HTTP with real Kafka, PostgreSQL and Keycloak tokens: who may pull it is read from the roster
 * copy at that instant; deadlines are durable timers fired as the service's clock is moved.
 */
@QuarkusTest
class KillSwitchIT {
    final EventCodec codec = new EventCodec();
    @Inject
    Producer<String, byte[]> producer;
    @Inject
    ControllableClock clock;
    @Inject
    TimerPoller timers;
    @Inject
    RosterReadModel roster;

    @BeforeEach
    void onCall() {
        clock.freeze();
        OnCallRoster.publish(producer, roster, clock.instant());
    }

    @AfterEach
    void resumeTheClock() {
        clock.resume();
    }

    static Map<String, Object> body(String action, String scope, String scenario, Integer minutes) {
        return minutes == null
                ? Map.of("action", action, "scope", scope, "scenario", scenario, "reason", "uploads failing", "severity", "P2")
                : Map.of("action", action, "scope", scope, "scenario", scenario, "reason", "uploads failing", "severity", "P2",
                "durationMinutes", minutes);
    }

    static io.restassured.response.Response post(String user, String path, Object body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body).post(path);
    }

    static JsonPath get(String path) {
        return given().auth().oauth2(Tokens.of("engineer")).get(path).then().statusCode(200).extract().jsonPath();
    }

    List<String> published(String switchId, int count) {
        return KafkaTestTopics.read(Topics.KILLSWITCH, r -> switchId.equals(r.key()), count, Duration.ofSeconds(20)).stream()
                .map(r -> codec.decode(r.headers(), r.value())).map(Envelope::type).toList();
    }

    @Test
    void shouldActivateAtOnceForTheOnCallTrackTheOwnersApprovalAndResume() {
        String scope = "workspace:acme-" + UUID.randomUUID();
        JsonPath active = post(OnCallRoster.PRIMARY, "/kill-switches", body("pause", scope, "error-rate-above-10", 30))
                .then().statusCode(201).body("status", equalTo("active")).extract().jsonPath();
        String id = active.getString("switchId");
        Instant activatedAt = Instant.parse(active.getString("activatedAt"));
        assertThat(active.getList("approvalsRequired")).containsExactly("ingestion-owner");
        assertThat(Instant.parse(active.getString("approvalDueAt"))).isEqualTo(activatedAt.plus(Duration.ofMinutes(15)));
        assertThat(active.getList("notify.role")).contains("ingestion-owner", "product-manager");
        assertThat(active.getString("activatedBy")).isEqualTo(OnCallRoster.PRIMARY);
        JsonPath state = get("/kill-switches/state?scope=" + scope);
        assertThat(state.getBoolean("paused")).isTrue();
        assertThat(state.getList("switchIds")).containsExactly(id);

        clock.advance(Duration.between(clock.instant(), activatedAt.plus(Duration.ofMinutes(15)).minusSeconds(1)));
        timers.fireDue();
        assertThat(get("/kill-switches/" + id).getBoolean("approvalOverdue")).isFalse();
        clock.advance(Duration.ofSeconds(1));
        timers.fireDue();
        assertThat(get("/kill-switches/" + id).getBoolean("approvalOverdue")).isTrue();

        post("ingestion-owner", "/kill-switches/" + id + "/approve", Map.of("comment", "late but agreed"))
                .then().statusCode(200).body("approvals[0].by", equalTo("ingestion-owner"));
        post("engineer", "/kill-switches/" + id + "/resume", Map.of("verification", Map.of("testUploadPassed", true)))
                .then().statusCode(403).contentType("application/problem+json").body("rule", equalTo("killswitch.resume.pause-short"));
        post(OnCallRoster.SECONDARY, "/kill-switches/" + id + "/resume", Map.of("verification", Map.of("testUploadPassed", false)))
                .then().statusCode(409).contentType("application/problem+json").body("rule", equalTo("killswitch.resume.pause-short"));
        post(OnCallRoster.SECONDARY, "/kill-switches/" + id + "/resume", Map.of("verification", Map.of("testUploadPassed", true)))
                .then().statusCode(200).body("status", equalTo("resumed")).body("resumedBy", equalTo(OnCallRoster.SECONDARY));
        assertThat(get("/kill-switches/state?scope=" + scope).getBoolean("paused")).isFalse();

        assertThat(published(id, 5)).containsExactly("vigil.killswitch.requested.v1", "vigil.killswitch.activated.v1",
                "vigil.killswitch.approval-overdue.v1", "vigil.killswitch.approved.v1", "vigil.killswitch.resumed.v1");
        KillSwitchActivated logged = KafkaTestTopics.read(Topics.KILLSWITCH, r -> id.equals(r.key()), 5, Duration.ofSeconds(20)).stream()
                .map(r -> codec.decode(r.headers(), r.value())).filter(e -> e.type().equals("vigil.killswitch.activated.v1"))
                .map(e -> (KillSwitchActivated) codec.payload(EventType.KILLSWITCH_ACTIVATED, e.data())).findFirst().orElseThrow();
        // the activation log's seven fields (seed 001 §5.2) as the audit service reads them
        assertThat(logged.activatedAt()).isEqualTo(activatedAt);
        assertThat(logged.activatedBy()).isEqualTo(OnCallRoster.PRIMARY);
        assertThat(logged.reason()).isEqualTo("uploads failing");
        assertThat(logged.severity()).isEqualTo(Severity.P2);
        assertThat(logged.scope()).isEqualTo(scope);
        assertThat(logged.approvalsRequired()).containsExactly(DutyRole.INGESTION_OWNER);
        assertThat(logged.notifyTargets()).extracting(Target::role).contains(DutyRole.INGESTION_OWNER, DutyRole.PRODUCT_MANAGER);
    }

    @Test
    void shouldRefuseSomeoneOffCallWith403NamingTheRuleAndRecordTheRefusal() {
        String reason = "error rate 24 % " + UUID.randomUUID();
        String response = post("engineer", "/kill-switches", Map.of("action", "pause", "scope", "workspace:acme",
                "scenario", "error-rate-above-20", "reason", reason, "severity", "P2"))
                .then().statusCode(403).contentType("application/problem+json")
                .body("rule", equalTo("killswitch.scenario.error-rate-above-20")).extract().asString();
        assertThat(response).contains("on-call");
        List<String> ids = get("/kill-switches?state=all").getList("findAll { it.reason == '" + reason + "' }.switchId", String.class);
        assertThat(ids).hasSize(1);
        assertThat(get("/kill-switches/" + ids.get(0)).getString("status")).isEqualTo("rejected");
        assertThat(published(ids.get(0), 2)).containsExactly("vigil.killswitch.requested.v1", "vigil.killswitch.rejected.v1");
    }

    @Test
    void shouldWaitForThePmBeforeAClientRequestIsInForceAndEndAFixedPauseByItself() {
        String scope = "workspace:client-" + UUID.randomUUID();
        JsonPath pending = post("ingestion-owner", "/kill-switches", body("pause", scope, "client-request", 20))
                .then().statusCode(202).body("status", equalTo("pending-approval")).extract().jsonPath();
        String id = pending.getString("switchId");
        assertThat(get("/kill-switches/state?scope=" + scope).getBoolean("paused")).isFalse();
        post("sre-lead", "/kill-switches/" + id + "/approve", Map.of())
                .then().statusCode(403).body("rule", equalTo("killswitch.scenario.client-request"));
        JsonPath active = post("product-manager", "/kill-switches/" + id + "/approve", Map.of())
                .then().statusCode(200).body("status", equalTo("active")).extract().jsonPath();
        assertThat(active.getList("notify.role")).contains("support-lead");
        assertThat(get("/kill-switches/state?scope=" + scope).getBoolean("paused")).isTrue();

        clock.advance(Duration.between(clock.instant(), Instant.parse(active.getString("endsAt"))));
        timers.fireDue();
        JsonPath ended = get("/kill-switches/" + id);
        assertThat(ended.getString("status")).isEqualTo("resumed");
        assertThat(ended.getString("resumeReason")).isEqualTo("expired");
        assertThat(published(id, 4)).containsExactly("vigil.killswitch.requested.v1", "vigil.killswitch.approved.v1",
                "vigil.killswitch.activated.v1", "vigil.killswitch.resumed.v1");

        String kept = given().auth().oauth2(Tokens.of("engineer")).get("/kill-switches/" + id).asString();
        given().auth().oauth2(Tokens.of("admin")).post("/admin/projections/kill-switch/rebuild").then().statusCode(200);
        assertThat(given().auth().oauth2(Tokens.of("engineer")).get("/kill-switches/" + id).asString()).isEqualTo(kept);
    }

    @Test
    void shouldAnswer401WithoutAToken400ForABadRequestAnd404ForAnUnknownSwitch() {
        given().contentType(ContentType.JSON).body(body("pause", "global", "data-corruption", null)).post("/kill-switches")
                .then().statusCode(401);
        post("engineer", "/kill-switches", body("pause", "acme", "data-corruption", null))
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("scope"));
        post("ingestion-owner", "/kill-switches", body("rollback", "workspace:acme", "planned-maintenance", null))
                .then().statusCode(400).body("errors[0].field", equalTo("startsAt"));
        given().auth().oauth2(Tokens.of("engineer")).get("/kill-switches/ks-unknown").then().statusCode(404);
        given().auth().oauth2(Tokens.of("engineer")).get("/kill-switches/state").then().statusCode(400);
        given().auth().oauth2(Tokens.ofClient("ci-publisher", "ci-publisher-secret")).get("/kill-switches/state?scope=workspace:acme")
                .then().statusCode(200).body("scope", equalTo("workspace:acme"));
    }
}
