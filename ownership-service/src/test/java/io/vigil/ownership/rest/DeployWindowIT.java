package io.vigil.ownership.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vigil.events.Envelope;
import io.vigil.events.EventCodec;
import io.vigil.events.Topics;
import io.vigil.platform.clock.ControllableClock;
import io.vigil.platform.testing.KafkaTestTopics;
import io.vigil.platform.testing.Tokens;
import io.vigil.platform.timer.TimerPoller;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The 48-hour window over HTTP, Kafka and timers, with the service's clock moved instead of waiting. */
@QuarkusTest
class DeployWindowIT {
    final EventCodec codec = new EventCodec();
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

    String startDeploy(String owner) {
        return startDeploy(owner, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    String startDeploy(String owner, Instant startedAt) {
        String id = "dep-win-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(DeployResourceIT.body(id));
        body.put("owner", owner);
        body.put("startedAt", startedAt.toString());
        given().auth().oauth2(Tokens.of("engineer")).contentType(ContentType.JSON).body(body).post("/deploys").then().statusCode(201);
        return id;
    }

    static Response post(String user, String path, Object body) {
        return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body).when().post(path);
    }

    void advance(Duration by) {
        clock.advance(by);
        timers.fireDue();
    }

    List<Envelope> ownershipEvents(String id, String type, int wanted) {
        return KafkaTestTopics.read(Topics.OWNERSHIP, r -> id.equals(r.key()), 50, Duration.ofSeconds(5)).stream()
                .map(r -> codec.decode(r.headers(), r.value())).filter(e -> e.type().equals(type)).toList();
    }

    @Test
    void shouldLeaveExactlyOneOwnerWhenTwoHandoffsRace() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = startDeploy("oncall-1");
            String token = Tokens.of("oncall-1");
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<Response>> racing = new ArrayList<>();
            for (String to : List.of("oncall-2", "oncall-3")) {
                racing.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return given().auth().oauth2(token).contentType(ContentType.JSON)
                            .body(Map.of("to", to, "reason", "race " + to)).post("/deploys/" + id + "/handoff");
                }));
            }
            List<Response> answers = racing.stream().map(CompletableFuture::join).toList();
            List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();
            assertThat(statuses.getFirst()).isEqualTo(200);
            // the loser lost the race (409, optimistic concurrency) or came second and is no longer the owner (403)
            assertThat(statuses.get(1)).isIn(403, 409);
            Response loser = answers.stream().filter(a -> a.statusCode() != 200).findFirst().orElseThrow();
            assertThat(loser.contentType()).startsWith("application/problem+json");
            String winner = answers.stream().filter(a -> a.statusCode() == 200).findFirst().orElseThrow().jsonPath().getString("owner");

            given().auth().oauth2(Tokens.of("engineer")).get("/deploys/" + id).then()
                    .body("owner", equalTo(winner)).body("handoffs", equalTo(1));
        }
    }

    @Test
    void shouldRefuseHandoffsTheRuleForbidsNamingIt() {
        String id = startDeploy("oncall-1");
        post("oncall-1", "/deploys/" + id + "/handoff", Map.of("to", "nobody-" + UUID.randomUUID(), "reason", "x"))
                .then().statusCode(409).contentType("application/problem+json").body("rule", equalTo("ownership.handoff"));
        post("oncall-1", "/deploys/" + id + "/handoff", Map.of("to", "oncall-1", "reason", "x"))
                .then().statusCode(409).body("rule", equalTo("ownership.handoff"));
        post("oncall-1", "/deploys/" + id + "/handoff", Map.of("to", "oncall-2"))
                .then().statusCode(409).body("rule", equalTo("ownership.handoff"));
        post("oncall-4", "/deploys/" + id + "/handoff", Map.of("to", "oncall-2", "reason", "x"))
                .then().statusCode(403).contentType("application/problem+json").body("rule", equalTo("ownership.handoff"));
        post("ingestion-owner", "/deploys/" + id + "/handoff", Map.of("to", "oncall-2", "reason", "owner is ill"))
                .then().statusCode(200).body("owner", equalTo("oncall-2"));
        given().auth().oauth2(Tokens.of("auditor")).get("/people/oncall-2/duty").then().statusCode(200)
                .body("onStabilizationDuty", equalTo(true)).body("deploys.deployId", hasItem(id));
    }

    @Test
    void shouldReportACheckMissedOnlyOnceTheGraceHasPassed() {
        String id = startDeploy("oncall-2");
        post("oncall-2", "/deploys/" + id + "/checks", Map.of("note", "all green", "deadLetterCount", 0))
                .then().statusCode(200).body("lastCheckAt", org.hamcrest.Matchers.notNullValue());
        Instant checked = Instant.parse(given().auth().oauth2(Tokens.of("engineer")).get("/deploys/" + id).jsonPath().getString("lastCheckAt"));
        Duration sinceCheck = Duration.between(checked, clock.instant());

        advance(Duration.ofMinutes(18).plusSeconds(45).minus(sinceCheck).minusSeconds(1));
        given().auth().oauth2(Tokens.of("engineer")).get("/deploys/" + id).then().body("missedChecks", equalTo(0));

        advance(Duration.ofSeconds(1));
        given().auth().oauth2(Tokens.of("engineer")).get("/deploys/" + id).then().body("missedChecks", equalTo(1));
        List<Envelope> missed = KafkaTestTopics.read(Topics.OWNERSHIP, r -> id.equals(r.key()), 4, Duration.ofSeconds(20)).stream()
                .map(r -> codec.decode(r.headers(), r.value())).filter(e -> e.type().equals("vigil.check.missed.v1")).toList();
        assertThat(missed).singleElement().satisfies(e -> assertThat(new String(e.data(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"role\":\"deploy-owner\"").contains("oncall-2").contains("on-call-primary").contains("ownership.check.T0-T4"));
    }

    @Test
    void shouldSignOffOnlyAtT48WithTheT48ChecklistDone() {
        // a deploy that started 48 h less 10 s ago: the clock moves seconds, not days (it is shared by every test here)
        Instant start = clock.instant().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(48)).plusSeconds(10);
        String id = startDeploy("oncall-3", start);
        advance(Duration.between(clock.instant(), start.plus(Duration.ofHours(48))).minusSeconds(1));

        post("oncall-3", "/deploys/" + id + "/sign-off", Map.of("comment", "stable"))
                .then().statusCode(409).contentType("application/problem+json").body("rule", equalTo("ownership.sign-off"));
        post("oncall-3", "/deploys/" + id + "/checkpoints/T48", Map.of("items", Map.of("metrics-baseline-established", true)))
                .then().statusCode(409).body("rule", equalTo("ownership.checkpoint.T48"));

        advance(Duration.ofSeconds(1));
        post("oncall-3", "/deploys/" + id + "/checkpoints/T48", Map.of("items", Map.of()))
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("items.metrics-baseline-established"));
        post("oncall-3", "/deploys/" + id + "/checkpoints/T48", Map.of("items", Map.of("metrics-baseline-established", true)))
                .then().statusCode(200).body("checkpointsDone", hasItem("T48"));
        post("oncall-1", "/deploys/" + id + "/sign-off", Map.of("comment", "stable"))
                .then().statusCode(403).body("rule", equalTo("ownership.sign-off"));
        post("oncall-3", "/deploys/" + id + "/sign-off", Map.of("comment", "stable, baseline established"))
                .then().statusCode(200).body("releasedAt", org.hamcrest.Matchers.notNullValue()).body("signedOffBy", equalTo("oncall-3"));
        given().auth().oauth2(Tokens.of("engineer")).get("/people/oncall-3/duty").then()
                .body("deploys.deployId", org.hamcrest.Matchers.not(hasItem(id)));
        post("oncall-3", "/deploys/" + id + "/handoff", Map.of("to", "oncall-2", "reason", "late"))
                .then().statusCode(409).body("rule", equalTo("ownership.handoff"));
    }

    @Test
    void shouldDecideRolloutsForTheOwnerAndPublishersOnly() {
        String id = startDeploy("oncall-4");
        Map<String, Object> healthy = Map.of("percent", 5, "errorRatePct", 0.6, "baselineErrorRatePct", 0.5, "p99Ms", 220,
                "baselineP99Ms", 200, "failedHealthChecks", 0, "observedForSeconds", 600);
        post("oncall-4", "/deploys/" + id + "/rollout", healthy).then().statusCode(200)
                .body("decision", equalTo("GO")).body("policyRule", equalTo("rollout.go")).body("nextPercent", equalTo(25.0f));
        Map<String, Object> bad = new HashMap<>(healthy);
        bad.put("errorRatePct", 1.6);
        given().auth().oauth2(Tokens.ofClient("ci-publisher", "ci-publisher-secret")).contentType(ContentType.JSON).body(bad)
                .post("/deploys/" + id + "/rollout").then().statusCode(200)
                .body("decision", equalTo("ROLLBACK")).body("policyRule", equalTo("rollout.rollback.error-rate"));
        post("engineer", "/deploys/" + id + "/rollout", healthy).then().statusCode(403).contentType("application/problem+json")
                .body("rule", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(Tokens.of("engineer")).get("/deploys/" + id).then().body("lastRolloutDecision", equalTo("ROLLBACK"));
    }

    @Test
    void shouldAnswerEveryWindowEndpointWith401WithoutATokenAnd403NamingTheRuleForOthers() {
        String id = startDeploy("oncall-1");
        Map<String, Map<String, Object>> bodies = Map.of(
                "/handoff", Map.of("to", "oncall-2", "reason", "x"),
                "/checks", Map.of(),
                "/checkpoints/T0", Map.of("items", Map.of("posted-to-deploys-channel", true, "deploy-completed", true, "health-check-passing", true)),
                "/sign-off", Map.of("comment", "x"),
                "/rollout", Map.of("percent", 5, "errorRatePct", 0.5, "baselineErrorRatePct", 0.5, "p99Ms", 200,
                        "baselineP99Ms", 200, "failedHealthChecks", 0, "observedForSeconds", 60));
        bodies.forEach((path, body) -> {
            given().contentType(ContentType.JSON).body(body).post("/deploys/" + id + path).then().statusCode(401);
            post("auditor", "/deploys/" + id + path, body).then().statusCode(403)
                    .contentType("application/problem+json").body("rule", org.hamcrest.Matchers.notNullValue());
        });
        given().post("/deploys/" + id + "/interventions").then().statusCode(401);
        given().auth().oauth2(Tokens.of("auditor")).post("/deploys/" + id + "/interventions").then().statusCode(403)
                .body("rule", equalTo("postmortem.manual-intervention"));
        given().auth().oauth2(Tokens.of("sre-lead")).post("/deploys/" + id + "/interventions").then().statusCode(200)
                .body("postmortems.required", equalTo(1));
        given().get("/people/oncall-1/duty").then().statusCode(401);
        post("oncall-1", "/deploys/" + id + "/postmortem", Map.of("docUrl", "https://docs.example.com/pm"))
                .then().statusCode(200).body("postmortems.filed", equalTo(1));
        post("oncall-1", "/deploys/" + id + "/postmortem", Map.of("docUrl", "https://docs.example.com/pm"))
                .then().statusCode(409).body("rule", equalTo("postmortem.overdue"));
        post("oncall-1", "/deploys/nope-" + UUID.randomUUID() + "/checks", Map.of()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseADeployNamingAnUnregisteredOwner() {
        Map<String, Object> body = new HashMap<>(DeployResourceIT.body("dep-" + UUID.randomUUID()));
        body.put("owner", "ghost-" + UUID.randomUUID());
        post("engineer", "/deploys", body).then().statusCode(409).contentType("application/problem+json")
                .body("rule", equalTo("ownership.default-owner"));
    }
}
