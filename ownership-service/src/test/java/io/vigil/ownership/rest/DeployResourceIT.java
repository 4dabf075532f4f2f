package io.vigil.ownership.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vigil.events.EventCodec;
import io.vigil.events.Envelope;
import io.vigil.events.Topics;
import io.vigil.platform.testing.KafkaTestTopics;
import io.vigil.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class DeployResourceIT {
    final EventCodec codec = new EventCodec();

    @org.junit.jupiter.api.BeforeEach
    void registerPeople() {
        RegisteredPeople.registerAll();
    }

    static Map<String, Object> body(String deployId) {
        return Map.of("deployId", deployId, "service", "checkout", "version", "1.42.0", "environment", "production",
                "mergedBy", "oncall-1", "prUrl", "https://git.example.com/pr/142", "stagingReportPassed", true,
                "rollbackPlanUrl", "https://git.example.com/rollback", "startedAt", "2026-11-22T14:00:00Z");
    }

    @Test
    void shouldRegisterADeployAndPublishItsStartAndOwner() {
        String id = "dep-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.of("engineer")).contentType(ContentType.JSON).body(body(id))
                .when().post("/deploys")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("deployId", equalTo(id), "owner", equalTo("oncall-1"), "windowEndsAt", equalTo("2026-11-24T14:00:00Z"));

        given().auth().oauth2(Tokens.of("auditor")).when().get("/deploys/" + id)
                .then().statusCode(200).body("owner", equalTo("oncall-1"), "service", equalTo("checkout"));

        List<Envelope> published = KafkaTestTopics.read(Topics.DEPLOYS, r -> id.equals(r.key()), 1, Duration.ofSeconds(20)).stream()
                .map(r -> codec.decode(r.headers(), r.value())).toList();
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("vigil.deploy.started.v1");
            assertThat(e.actor()).isEqualTo("engineer");
        });
        // the window started in the past: its missed check and checkpoints follow the assignment
        List<Envelope> owned = KafkaTestTopics.read(Topics.OWNERSHIP, r -> id.equals(r.key()), 1, Duration.ofSeconds(20)).stream()
                .map(r -> codec.decode(r.headers(), r.value())).filter(e -> e.type().equals("vigil.ownership.assigned.v1")).toList();
        assertThat(owned).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("vigil.ownership.assigned.v1");
            assertThat(e.correlationId()).isEqualTo(published.get(0).correlationId());
        });
    }

    @Test
    void shouldListActiveDeploys() {
        String id = "dep-" + UUID.randomUUID();
        Map<String, Object> now = new java.util.HashMap<>(body(id));
        now.remove("startedAt");
        given().auth().oauth2(Tokens.of("ingestion-owner")).contentType(ContentType.JSON).body(now).post("/deploys").then().statusCode(201);

        given().auth().oauth2(Tokens.of("engineer")).when().get("/deploys?state=active")
                .then().statusCode(200).body("deployId", hasItem(id));
    }

    @Test
    void shouldRefuseTheSameDeployIdTwiceNamingTheRule() {
        String id = "dep-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.of("engineer")).contentType(ContentType.JSON).body(body(id)).post("/deploys").then().statusCode(201);

        given().auth().oauth2(Tokens.of("engineer")).contentType(ContentType.JSON).body(body(id))
                .when().post("/deploys")
                .then().statusCode(409).contentType("application/problem+json").body("rule", equalTo("deploy-id-unique"));
    }

    @Test
    void shouldAcceptTheCiServiceAccount() {
        given().auth().oauth2(Tokens.ofClient("ci-publisher", "ci-publisher-secret")).contentType(ContentType.JSON)
                .body(body("dep-" + UUID.randomUUID()))
                .when().post("/deploys")
                .then().statusCode(201);
    }

    @Test
    void shouldRefuseARoleThatMayNotRegisterDeploys() {
        given().auth().oauth2(Tokens.of("auditor")).contentType(ContentType.JSON).body(body("dep-" + UUID.randomUUID()))
                .when().post("/deploys")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void shouldRefuseAMissingOrBadToken() {
        given().contentType(ContentType.JSON).body(body("dep-x")).when().post("/deploys")
                .then().statusCode(401);
        given().auth().oauth2("not-a-token").when().get("/deploys")
                .then().statusCode(401);
    }

    @Test
    void shouldNameTheFieldsOfAnInvalidRequest() {
        Map<String, Object> bad = new java.util.HashMap<>(body("dep-" + UUID.randomUUID()));
        bad.remove("service");
        bad.put("prUrl", "not a url");
        given().auth().oauth2(Tokens.of("engineer")).contentType(ContentType.JSON).body(bad)
                .when().post("/deploys")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("prUrl", "service"));
    }

    @Test
    void shouldAnswer404ProblemForAnUnknownDeploy() {
        given().auth().oauth2(Tokens.of("engineer")).when().get("/deploys/nope-" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("title", equalTo("Not found"));
    }
}
