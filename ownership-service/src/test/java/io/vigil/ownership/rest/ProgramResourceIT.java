package io.vigil.ownership.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vigil.events.Envelope;
import io.vigil.events.EventCodec;
import io.vigil.events.Topics;
import io.vigil.platform.testing.KafkaTestTopics;
import io.vigil.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Rollout programmes through their phase gates and rollbacks with real tokens, PostgreSQL and Kafka (seed 001 §6). */
@QuarkusTest
class ProgramResourceIT {
    final EventCodec codec = new EventCodec();

    static String create() {
        String id = "prog-it-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.of("ingestion-owner")).contentType(ContentType.JSON)
                .body(Map.of("programId", id, "name", "Ingestion rollout"))
                .when().post("/programs")
                .then().statusCode(201).body("programId", equalTo(id), "phase", equalTo("P0"), "gate.to", equalTo("P1"));
        return id;
    }

    static ValidatableResponse gate(String user, String id, String toPhase, String action, Map<String, ?> body) {
        var request = given().auth().oauth2(Tokens.of(user));
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post("/programs/" + id + "/gates/" + toPhase + "/" + action).then();
    }

    static void approve(String user, String id, String toPhase) {
        gate(user, id, toPhase, "approve", Map.of("comment", "looks good to " + user)).statusCode(200);
    }

    static Map<String, Object> rollback(String type, String toPhase) {
        Map<String, Object> body = new HashMap<>();
        body.put("toPhase", toPhase);
        body.put("type", type);
        body.put("reasonCategory", "error-rate-exceeded");
        body.put("reason", "error rate above 2 % after the P2 ramp");
        body.put("investigationAssignee", "oncall-3");
        body.put("reRampTarget", LocalDate.now().plusDays(7).toString());
        body.put("clientCommunication", "required");
        return body;
    }

    @Test
    void shouldTakeAProgrammeFromP0ToGaWhenEveryApproverOfEachGateApproves() {
        String id = create();
        approve("ingestion-owner", id, "P1");
        given().auth().oauth2(Tokens.of("engineer")).get("/programs/" + id)
                .then().statusCode(200).body("phase", equalTo("P1"), "gate.to", equalTo("P2"),
                        "gate.approvers", equalTo(List.of("ingestion-owner", "product-manager")), "gate.approvals", hasSize(0));

        approve("product-manager", id, "P2");
        given().auth().oauth2(Tokens.of("auditor")).get("/programs/" + id)
                .then().body("phase", equalTo("P1"), "gate.approvals.by", equalTo(List.of("product-manager")));
        approve("ingestion-owner", id, "P2");
        approve("ingestion-owner", id, "P3");
        approve("product-manager", id, "P3");
        approve("sre-lead", id, "P4");
        approve("product-manager", id, "P4");
        given().auth().oauth2(Tokens.of("engineer")).get("/programs/" + id).then().body("phase", equalTo("P3"));
        gate("ingestion-owner", id, "P4", "approve", null).statusCode(200)
                .body("phase", equalTo("P4"), "generallyAvailable", equalTo(true), "gate", nullValue(),
                        "advances.to", equalTo(List.of("P1", "P2", "P3", "P4")),
                        "advances[3].approvers.role", equalTo(List.of("sre-lead", "product-manager", "ingestion-owner")));

        List<Envelope> events = KafkaTestTopics.read(Topics.OWNERSHIP, r -> id.equals(r.key()), 13, Duration.ofSeconds(30)).stream()
                .map(r -> codec.decode(r.headers(), r.value())).toList();
        assertThat(events).extracting(Envelope::type).containsExactly(
                "vigil.program.created.v1",
                "vigil.phase.gate-approved.v1", "vigil.phase.advanced.v1",
                "vigil.phase.gate-approved.v1", "vigil.phase.gate-approved.v1", "vigil.phase.advanced.v1",
                "vigil.phase.gate-approved.v1", "vigil.phase.gate-approved.v1", "vigil.phase.advanced.v1",
                "vigil.phase.gate-approved.v1", "vigil.phase.gate-approved.v1", "vigil.phase.gate-approved.v1", "vigil.phase.advanced.v1");
        assertThat(events).allSatisfy(e -> assertThat(e.subject()).isEqualTo(id));
        assertThat(events.getLast().actor()).isEqualTo("ingestion-owner");
        assertThat(new String(events.getLast().data(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"policyRule\":\"phase.gate.P3-P4\"").contains("\"generallyAvailable\":true");
    }

    @Test
    void shouldBlockAGateWhileAVetoStandsAndLetOnlyTheVetoerWithdrawIt() {
        String id = create();
        approve("ingestion-owner", id, "P1");
        gate("product-manager", id, "P2", "veto", Map.of("reason", "two canary clients still report gaps")).statusCode(200)
                .body("gate.status", equalTo("vetoed"), "gate.vetoes.by", equalTo(List.of("product-manager")));
        approve("ingestion-owner", id, "P2");
        gate("product-manager", id, "P2", "approve", null).statusCode(409).contentType("application/problem+json")
                .body("rule", equalTo("phase.gate.P1-P2"), "detail", containsString("withdraw the veto"));
        gate("ingestion-owner", id, "P2", "withdraw-veto", null).statusCode(403).contentType("application/problem+json")
                .body("rule", equalTo("phase.veto"), "detail", containsString("cast by product-manager"));
        gate("engineer", id, "P2", "veto", Map.of("reason", "no")).statusCode(403).body("rule", equalTo("phase.veto"));

        gate("product-manager", id, "P2", "withdraw-veto", null).statusCode(200).body("phase", equalTo("P1"), "gate.status", equalTo("open"));
        approve("product-manager", id, "P2");
        given().auth().oauth2(Tokens.of("engineer")).get("/programs/" + id).then().body("phase", equalTo("P2"));

        List<String> types = KafkaTestTopics.read(Topics.OWNERSHIP, r -> id.equals(r.key()), 8, Duration.ofSeconds(30)).stream()
                .map(r -> codec.decode(r.headers(), r.value()).type()).toList();
        assertThat(types).contains("vigil.phase.gate-vetoed.v1", "vigil.phase.veto-withdrawn.v1").endsWith("vigil.phase.advanced.v1");
    }

    @Test
    void shouldRollBackAPlannedRollbackWhenThePmApprovesWithTheWholeForm() {
        String id = create();
        approve("ingestion-owner", id, "P1");
        approve("ingestion-owner", id, "P2");
        approve("product-manager", id, "P2");

        String location = given().auth().oauth2(Tokens.of("ingestion-owner")).contentType(ContentType.JSON).body(rollback("planned", "P1"))
                .when().post("/programs/" + id + "/rollbacks")
                .then().statusCode(202).body("rollbackId", equalTo("rb-1"), "status", equalTo("awaiting-approval"),
                        "authorizedBy", equalTo("ingestion-owner"), "authorizedByRole", equalTo("ingestion-owner"),
                        "approvalsRequired", equalTo(List.of("product-manager")))
                .extract().header("Location");
        assertThat(location).endsWith("/programs/" + id + "/rollbacks/rb-1");
        gate("ingestion-owner", id, "P3", "approve", null).statusCode(409).body("rule", equalTo("phase.rollback.planned"));

        given().auth().oauth2(Tokens.of("sre-lead")).post("/programs/" + id + "/rollbacks/rb-1/approve")
                .then().statusCode(403).contentType("application/problem+json").body("rule", equalTo("phase.rollback.planned"));
        given().auth().oauth2(Tokens.of("product-manager")).post("/programs/" + id + "/rollbacks/rb-1/approve")
                .then().statusCode(200).body("status", equalTo("rolled-back"), "from", equalTo("P2"), "to", equalTo("P1"),
                        "type", equalTo("planned"), "reasonCategory", equalTo("error-rate-exceeded"),
                        "approvedBy[0].by", equalTo("product-manager"), "approvedBy[0].role", equalTo("product-manager"),
                        "investigationAssignee", equalTo("oncall-3"), "clientCommunication", equalTo("required"),
                        "policyRule", equalTo("phase.rollback.planned"));
        given().auth().oauth2(Tokens.of("engineer")).get("/programs/" + id)
                .then().body("phase", equalTo("P1"), "gate.approvals", hasSize(0), "rollbacks.rollbackId", equalTo(List.of("rb-1")));
        given().auth().oauth2(Tokens.of("product-manager")).post("/programs/" + id + "/rollbacks/rb-1/approve")
                .then().statusCode(409).body("rule", equalTo("phase.rollback.planned"));
        given().auth().oauth2(Tokens.of("product-manager")).post("/programs/" + id + "/rollbacks/rb-9/approve")
                .then().statusCode(404).contentType("application/problem+json");

        List<String> types = KafkaTestTopics.read(Topics.OWNERSHIP, r -> id.equals(r.key()), 9, Duration.ofSeconds(30)).stream()
                .map(r -> codec.decode(r.headers(), r.value()).type()).toList();
        assertThat(types).endsWith("vigil.phase.advanced.v1", "vigil.phase.rollback-requested.v1",
                "vigil.phase.rollback-approved.v1", "vigil.phase.rolled-back.v1");
    }

    @Test
    void shouldRefuseRollbacksOutsideTheirAuthorityOrWithAnIncompleteForm() {
        String id = create();
        approve("ingestion-owner", id, "P1");
        given().auth().oauth2(Tokens.of("engineer")).contentType(ContentType.JSON).body(rollback("emergency", "P0"))
                .when().post("/programs/" + id + "/rollbacks")
                .then().statusCode(403).contentType("application/problem+json")
                .body("rule", equalTo("phase.rollback.emergency"), "detail", containsString("on-call"));
        given().auth().oauth2(Tokens.of("product-manager")).contentType(ContentType.JSON).body(rollback("planned", "P0"))
                .when().post("/programs/" + id + "/rollbacks")
                .then().statusCode(403).body("rule", equalTo("phase.rollback.planned"));

        Map<String, Object> badCategory = rollback("planned", "P0");
        badCategory.put("reasonCategory", "bad-luck");
        given().auth().oauth2(Tokens.of("ingestion-owner")).contentType(ContentType.JSON).body(badCategory)
                .when().post("/programs/" + id + "/rollbacks")
                .then().statusCode(409).contentType("application/problem+json")
                .body("rule", equalTo("phase.rollback-form"), "detail", containsString("reasonCategory must be one of"));
        Map<String, Object> missing = rollback("planned", "P0");
        missing.remove("clientCommunication");
        missing.remove("reason");
        given().auth().oauth2(Tokens.of("ingestion-owner")).contentType(ContentType.JSON).body(missing)
                .when().post("/programs/" + id + "/rollbacks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("clientCommunication", "reason"));
        given().auth().oauth2(Tokens.of("ingestion-owner")).contentType(ContentType.JSON).body(rollback("sideways", "P0"))
                .when().post("/programs/" + id + "/rollbacks")
                .then().statusCode(400).body("errors.field", equalTo(List.of("type")));
        given().auth().oauth2(Tokens.of("ingestion-owner")).contentType(ContentType.JSON).body(rollback("planned", "P1"))
                .when().post("/programs/" + id + "/rollbacks")
                .then().statusCode(409).body("rule", equalTo("phase.rollback.planned"), "detail", containsString("earlier phase"));
    }

    @Test
    void shouldAnswerWhoMayDoWhatWithProblems() {
        String id = create();
        given().contentType(ContentType.JSON).body(Map.of("programId", "prog-x", "name", "x")).when().post("/programs")
                .then().statusCode(401).contentType("application/problem+json");
        given().when().get("/programs").then().statusCode(401);
        given().auth().oauth2(Tokens.of("engineer")).contentType(ContentType.JSON).body(Map.of("programId", "prog-x", "name", "x"))
                .when().post("/programs")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON).body(Map.of("programId", id, "name", "again"))
                .when().post("/programs")
                .then().statusCode(409).body("rule", equalTo("program-id-unique"));
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON).body(Map.of("programId", "dep-123", "name", "x"))
                .when().post("/programs")
                .then().statusCode(400).body("errors.field", equalTo(List.of("programId")));

        gate("product-manager", id, "P1", "approve", null).statusCode(403).contentType("application/problem+json")
                .body("rule", equalTo("phase.gate.P0-P1"), "detail", containsString("ingestion-owner"));
        gate("admin", id, "P1", "approve", null).statusCode(403).body("rule", equalTo("phase.gate.P0-P1"));
        gate("ingestion-owner", id, "P2", "approve", null).statusCode(409).contentType("application/problem+json")
                .body("rule", equalTo("phase.gate.P1-P2"), "detail", containsString("one at a time"));
        gate("ingestion-owner", id, "P7", "approve", null).statusCode(404).contentType("application/problem+json");
        gate("ingestion-owner", "prog-nothing-" + UUID.randomUUID(), "P1", "approve", null).statusCode(404)
                .contentType("application/problem+json");

        given().auth().oauth2(Tokens.of("support-lead")).get("/programs").then().statusCode(200).body("programId", hasItem(id));
        given().auth().oauth2(Tokens.of("support-lead")).get("/programs/prog-unknown").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
