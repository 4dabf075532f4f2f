package io.vigil.system;

import io.restassured.http.ContentType;
import io.vigil.platform.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The first slice end to end: a deploy registered over HTTP with a real Keycloak token becomes
 * deploy.started + ownership.assigned on Kafka, and both land in the audit log that auditors read.
 */
class DeployToAuditIT {
    static ServiceProcess ownership;
    static ServiceProcess audit;

    @BeforeAll
    static void startServices() throws Exception {
        ownership = ServiceProcess.start("ownership", Map.of("mp.messaging.incoming.deploys.group.id", ServiceProcess.group("ownership"),
                "mp.messaging.incoming.incidents.group.id", ServiceProcess.group("ownership-incidents"),
                "mp.messaging.incoming.killswitch.group.id", ServiceProcess.group("ownership-killswitch")));
        audit = ServiceProcess.start("audit", Map.of("vigil.audit.intake.group-id", ServiceProcess.group("audit")));
    }

    @AfterAll
    static void stopServices() {
        if (audit != null) {
            audit.close();
        }
        if (ownership != null) {
            ownership.close();
        }
    }

    @Test
    void shouldAuditADeployRegisteredOverHttp() {
        String deployId = "dep-e2e-" + UUID.randomUUID();
        // a deploy's owner must be a registered person
        given().baseUri(ownership.url()).auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON)
                .body(Map.of("name", "On Call Two", "email", "oncall-2@vigil.local", "timeZone", "Europe/Berlin", "roles", List.of("engineer")))
                .when().put("/people/oncall-2").then().statusCode(org.hamcrest.Matchers.lessThan(300));
        given().baseUri(ownership.url()).auth().oauth2(Tokens.of("engineer")).contentType(ContentType.JSON)
                .body(Map.of("deployId", deployId, "service", "checkout", "version", "2.0.0", "environment", "production",
                        "mergedBy", "oncall-2", "prUrl", "https://git.example.com/pr/200", "stagingReportPassed", true,
                        "rollbackPlanUrl", "https://git.example.com/rollback/200"))
                .when().post("/deploys")
                .then().statusCode(201).body("owner", equalTo("oncall-2"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> types(deployId).size() == 3);

        // two topics: the log keeps each topic's order, not an order across topics; the deploy confirmed none of
        // the pre-deploy items of seed 002, so it is flagged
        assertThat(types(deployId)).containsExactlyInAnyOrder("vigil.deploy.started.v1", "vigil.ownership.assigned.v1",
                "vigil.deploy.flagged.v1");
        given().baseUri(audit.url()).auth().oauth2(Tokens.of("auditor")).queryParam("subject", deployId)
                .queryParam("type", "vigil.ownership.assigned.v1").get("/audit/entries")
                .then().body("items[0].actor", equalTo("engineer"))
                .body("items[0].payload.owner", equalTo("oncall-2"));
        given().baseUri(audit.url()).auth().oauth2(Tokens.of("auditor")).get("/audit/verify")
                .then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void shouldServeClockControlOnlyToAdmins() {
        given().baseUri(ownership.url()).auth().oauth2(Tokens.of("engineer")).get("/admin/clock").then().statusCode(403);
        given().baseUri(ownership.url()).auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON)
                .body(Map.of("by", "PT15M")).post("/admin/clock/advance")
                .then().statusCode(200).body("offset", equalTo("PT15M"));
        given().baseUri(ownership.url()).auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON)
                .body(Map.of("by", "soon")).post("/admin/clock/advance")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static List<String> types(String subject) {
        return given().baseUri(audit.url()).auth().oauth2(Tokens.of("auditor")).queryParam("subject", subject)
                .get("/audit/entries").then().statusCode(200).extract().path("items.type");
    }
}
