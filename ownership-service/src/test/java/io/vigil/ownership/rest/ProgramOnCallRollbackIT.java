package io.vigil.ownership.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vigil.events.EventCodec;
import io.vigil.events.Topics;
import io.vigil.platform.testing.KafkaTestTopics;
import io.vigil.platform.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * Rollbacks decided by whoever is on call at that instant (seed 001 §6.3), with a roster whose on-call pair the test
 * sets ({@link ProgramTestRoster}), so that the shared schedule of the test database is left alone.
 */
@QuarkusTest
@TestProfile(ProgramOnCallRollbackIT.FakeRosterProfile.class)
class ProgramOnCallRollbackIT {
    public static class FakeRosterProfile implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ProgramTestRoster.class);
        }
    }

    final EventCodec codec = new EventCodec();

    @AfterEach
    void nobodyOnCall() {
        ProgramTestRoster.onCall(null, null);
    }

    private static String inPhase2() {
        String id = ProgramResourceIT.create();
        ProgramResourceIT.approve("ingestion-owner", id, "P1");
        ProgramResourceIT.approve("ingestion-owner", id, "P2");
        ProgramResourceIT.approve("product-manager", id, "P2");
        return id;
    }

    @Test
    void shouldRollBackAnEmergencyAtOnceByTheOnCallAndNotifyEveryoneAfter() {
        String id = inPhase2();
        ProgramTestRoster.onCall("oncall-1", "oncall-2");
        given().auth().oauth2(Tokens.of("oncall-3")).contentType(ContentType.JSON).body(ProgramResourceIT.rollback("emergency", "P0"))
                .when().post("/programs/" + id + "/rollbacks")
                .then().statusCode(403).contentType("application/problem+json").body("rule", equalTo("phase.rollback.emergency"));

        given().auth().oauth2(Tokens.of("oncall-2")).contentType(ContentType.JSON).body(ProgramResourceIT.rollback("emergency", "P0"))
                .when().post("/programs/" + id + "/rollbacks")
                .then().statusCode(201).body("status", equalTo("rolled-back"), "authorizedBy", equalTo("oncall-2"),
                        "authorizedByRole", equalTo("on-call-secondary"), "approvedBy", equalTo(List.of()),
                        "notifyAfter", hasItems("ingestion-owner", "product-manager", "sre-lead", "support-lead"),
                        "policyRule", equalTo("phase.rollback.emergency"));
        given().auth().oauth2(Tokens.of("engineer")).get("/programs/" + id).then().body("phase", equalTo("P0"));

        List<String> types = KafkaTestTopics.read(Topics.OWNERSHIP, r -> id.equals(r.key()), 7, Duration.ofSeconds(30)).stream()
                .map(r -> codec.decode(r.headers(), r.value()).type()).toList();
        assertThat(types).endsWith("vigil.phase.advanced.v1", "vigil.phase.rolled-back.v1");
    }

    @Test
    void shouldRollBackAP1IncidentWhenTheOnCallDecidesAndTheOwnerApproves() {
        String id = inPhase2();
        ProgramTestRoster.onCall("oncall-1", "oncall-2");
        given().auth().oauth2(Tokens.of("oncall-1")).contentType(ContentType.JSON).body(ProgramResourceIT.rollback("p1-incident", "P1"))
                .when().post("/programs/" + id + "/rollbacks")
                .then().statusCode(202).body("authorizedByRole", equalTo("on-call-primary"),
                        "approvalsRequired", equalTo(List.of("ingestion-owner")), "inform", equalTo(List.of("product-manager")));

        ProgramTestRoster.onCall("oncall-3", "oncall-4");
        given().auth().oauth2(Tokens.of("ingestion-owner")).post("/programs/" + id + "/rollbacks/rb-1/approve")
                .then().statusCode(200).body("status", equalTo("rolled-back"), "authorizedBy", equalTo("oncall-1"),
                        "approvedBy[0].role", equalTo("ingestion-owner"));
        given().auth().oauth2(Tokens.of("engineer")).get("/programs/" + id)
                .then().body("phase", equalTo("P1"), "rollbacks[0].type", equalTo("p1-incident"));
        given().auth().oauth2(Tokens.of("oncall-1")).contentType(ContentType.JSON).body(ProgramResourceIT.rollback("emergency", "P0"))
                .when().post("/programs/" + id + "/rollbacks")
                .then().statusCode(403).body("rule", equalTo("phase.rollback.emergency"));
        given().auth().oauth2(Tokens.of("oncall-4")).contentType(ContentType.JSON).body(Map.of())
                .when().post("/programs/" + id + "/rollbacks").then().statusCode(400);
    }
}
