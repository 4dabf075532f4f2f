package io.vigil.audit.rest;

import io.quarkus.test.junit.QuarkusTest;
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
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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

    long entries(String switchId) {
        return given().auth().oauth2(Tokens.of("auditor")).get("/audit/activations/" + switchId).statusCode();
    }

    @Test
    void shouldShowAnActivationIncompleteUntilApprovedAndNotifiedThenComplete() throws Exception {
        String id = "ks-" + UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant due = at.minus(Duration.ofMinutes(1)); // the approval deadline has passed
        var activated = publish("urn:vigil:escalation-service", id, new KillSwitchActivated(id, KillSwitchAction.PAUSE, "workspace:acme",
                KillSwitchScenario.ERROR_RATE_ABOVE_10, "error rate 12 % in acme", Severity.P2, "oncall-1", at, 90,
                List.of(DutyRole.INGESTION_OWNER), List.of(), due,
                List.of(new Target(DutyRole.PRODUCT_MANAGER, "product-manager", at.plusSeconds(900))), "killswitch.pause-over-1h", "2026.1"));

        await().atMost(Duration.ofSeconds(30)).until(() -> entries(id) == 200);
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
                        .body("notificationSentTo.value[0].recipient", equalTo("product-manager"))
                        .body("approval.seqs", hasSize(2)));
        given().auth().oauth2(Tokens.of("admin")).get("/audit/activations").then().statusCode(200)
                .body("items.switchId", hasItem(id));
        long next = ((Number) given().auth().oauth2(Tokens.of("auditor")).queryParam("limit", 1).get("/audit/activations").then()
                .body("items", hasSize(1)).extract().path("next")).longValue();
        given().auth().oauth2(Tokens.of("auditor")).queryParam("after", next).get("/audit/activations").then()
                .body("items.timestamp.seqs.flatten()", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.greaterThan((int) next)));
    }

    @Test
    void shouldAnswer404ForASwitchNeverActivated() {
        given().auth().oauth2(Tokens.of("auditor")).get("/audit/activations/ks-none").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
