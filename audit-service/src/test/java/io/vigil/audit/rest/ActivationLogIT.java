package io.vigil.audit.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vigil.events.DutyRole;
import io.vigil.events.EventCodec;
import io.vigil.events.EventPayload;
import io.vigil.events.Severity;
import io.vigil.events.Target;
import io.vigil.events.VigilEvent;
import io.vigil.events.killswitch.KillSwitchAction;
import io.vigil.events.killswitch.KillSwitchActivated;
import io.vigil.events.killswitch.KillSwitchApproved;
import io.vigil.events.killswitch.KillSwitchScenario;
import io.vigil.events.notifications.Channel;
import io.vigil.events.notifications.NotificationSent;
import io.vigil.platform.testing.Tokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The activation log assembled from kill-switch and notification events that arrive over Kafka. */
@QuarkusTest
class ActivationLogIT {
    @Inject
    Producer<String, byte[]> producer;
    @Inject
    EventCodec codec;

    <T extends EventPayload> VigilEvent<T> publish(String source, String subject, T payload) throws Exception {
        VigilEvent<T> event = VigilEvent.of(URI.create(source), subject, Instant.now(), "oncall-1", null, null, payload);
        producer.send(codec.toRecord(event)).get();
        return event;
    }

    VigilEvent<KillSwitchActivated> activate(String id, Instant at, List<DutyRole> approvals, Instant due) throws Exception {
        return publish("urn:vigil:escalation-service", id, new KillSwitchActivated(id, KillSwitchAction.PAUSE, "workspace:acme",
                KillSwitchScenario.ERROR_RATE_ABOVE_10, "error rate 12 % in acme", Severity.P2, "oncall-1", at, 90,
                approvals, List.of(), due,
                List.of(new Target(DutyRole.PRODUCT_MANAGER, "product-manager", at.plusSeconds(900))), "killswitch.pause-over-1h", "2026.1"));
    }

    int status(String switchId) {
        return given().auth().oauth2(Tokens.of("auditor")).get("/audit/activations/" + switchId).statusCode();
    }

    /** The seq of the switch's activation entry. */
    long activationSeq(String switchId) {
        return given().auth().oauth2(Tokens.of("auditor")).get("/audit/activations/" + switchId).then().statusCode(200)
                .extract().jsonPath().getLong("timestamp.seqs[0]");
    }

    JsonPath page(String user, long after, int limit) {
        return given().auth().oauth2(Tokens.of(user)).queryParam("after", after).queryParam("limit", limit)
                .get("/audit/activations").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldShowAnActivationIncompleteUntilApprovedAndNotifiedThenComplete() throws Exception {
        String id = "ks-" + UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant due = at.minus(Duration.ofMinutes(1)); // the approval deadline has passed
        var activated = activate(id, at, List.of(DutyRole.INGESTION_OWNER), due);

        await().atMost(Duration.ofSeconds(30)).until(() -> status(id) == 200);
        given().auth().oauth2(Tokens.of("auditor")).get("/audit/activations/" + id).then()
                .body("complete", equalTo(false))
                .body("approvalOverdue", equalTo(true))
                .body("activatedBy.value", equalTo("oncall-1"))
                .body("missing", contains("approval: ingestion-owner not yet approved", "notificationSentTo: product-manager not notified"));

        publish("urn:vigil:notification-service", "ntf-" + id, new NotificationSent("ntf-" + id, activated.id(),
                "vigil.killswitch.activated.v1", id, Channel.EMAIL, "product-manager", DutyRole.PRODUCT_MANAGER,
                "product-manager@vigil.local", "killswitch-activated", 1, at.plusSeconds(2)));
        publish("urn:vigil:escalation-service", id, new KillSwitchApproved(id, "ingestion-owner", DutyRole.INGESTION_OWNER,
                "ok", List.of(), at.plusSeconds(60)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.of("auditor")).get("/audit/activations/" + id).then()
                        .body("complete", equalTo(true))
                        .body("approvalOverdue", equalTo(false))
                        .body("missing", hasSize(0))
                        .body("notificationSentTo.value.recipient", contains("product-manager"))
                        .body("approval.seqs", hasSize(2)));
    }

    @Test
    void shouldPageActivationsInLogOrderWithAKeysetCursor() throws Exception {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String a = "ks-" + UUID.randomUUID();
        String b = "ks-" + UUID.randomUUID();
        activate(a, at, List.of(), null);
        activate(b, at, List.of(), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(a) == 200 && status(b) == 200);
        // the two may sit on different partitions, so the log decides which comes first
        long seqA = activationSeq(a);
        long seqB = activationSeq(b);
        String first = seqA < seqB ? a : b;
        String second = seqA < seqB ? b : a;
        long firstSeq = Math.min(seqA, seqB);

        JsonPath all = page("admin", firstSeq - 1, 1000);
        List<String> ids = all.getList("items.switchId", String.class);
        assertThat(ids).first().isEqualTo(first);
        assertThat(ids).containsSubsequence(first, second).containsOnlyOnce(first, second);

        JsonPath one = page("auditor", firstSeq - 1, 1);
        assertThat(one.getList("items.switchId", String.class)).containsExactly(first);
        assertThat(one.getLong("next")).isEqualTo(firstSeq);

        JsonPath rest = page("auditor", one.getLong("next"), 1000);
        List<String> restIds = rest.getList("items.switchId", String.class);
        assertThat(restIds).contains(second).doesNotContain(first);
        assertThat(rest.getList("items.collect { it.timestamp.seqs[0] }", Number.class)).isNotEmpty()
                .allSatisfy(seq -> assertThat(seq.longValue()).isGreaterThan(firstSeq));
    }

    @Test
    void shouldBeReadableOnlyByAuditorsAndAdmins() {
        given().auth().oauth2(Tokens.of("engineer")).get("/audit/activations").then().statusCode(403)
                .contentType("application/problem+json");
        given().get("/audit/activations").then().statusCode(401);
        given().auth().oauth2(Tokens.of("auditor")).queryParam("limit", 0).get("/audit/activations").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
    }

    @Test
    void shouldAnswer404ForASwitchNeverActivated() {
        given().auth().oauth2(Tokens.of("auditor")).get("/audit/activations/ks-none").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
