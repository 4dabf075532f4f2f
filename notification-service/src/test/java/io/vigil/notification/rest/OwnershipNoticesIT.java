package io.vigil.notification.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.DutyRole;
import io.vigil.events.EventCodec;
import io.vigil.events.Target;
import io.vigil.events.VigilEvent;
import io.vigil.events.notifications.Channel;
import io.vigil.events.ownership.CheckMissed;
import io.vigil.events.ownership.OwnershipHandedOff;
import io.vigil.events.ownership.PostmortemOverdue;
import io.vigil.events.ownership.PostmortemRequired;
import io.vigil.events.ownership.PostmortemTrigger;
import io.vigil.events.roster.RealmRole;
import io.vigil.notification.application.DeliveryPlan;
import io.vigil.notification.persistence.Deliveries;
import io.vigil.notification.persistence.DirectoryReadModel;
import io.vigil.platform.testing.Tokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Seed 000's notices: a missed check reaches the owner and the on-call primary, a handoff both sides. */
@QuarkusTest
@QuarkusTestResource(TestConsumerGroups.class)
class OwnershipNoticesIT {
    static final URI OWNERSHIP = URI.create("urn:vigil:ownership-service");
    static final Instant AT = Instant.parse("2029-05-02T12:00:00Z");

    @Inject
    Producer<String, byte[]> producer;
    @Inject
    EventCodec codec;
    @Inject
    DirectoryReadModel directory;
    @Inject
    Deliveries deliveries;

    @Test
    void shouldTellTheOwnerAndTheOnCallPrimaryOfAMissedCheckOnce() {
        TestRoster roster = new TestRoster(producer, codec);
        String owner = "n-own-" + UUID.randomUUID();
        String primary = "n-oc-" + UUID.randomUUID();
        roster.person(owner, null, RealmRole.ENGINEER);
        roster.person(primary, null, RealmRole.ENGINEER);
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.contact(owner).isPresent() && directory.contact(primary).isPresent());
        String deploy = "dep-" + UUID.randomUUID();
        VigilEvent<CheckMissed> missed = VigilEvent.of(OWNERSHIP, deploy, AT, "ownership-service", null, null,
                new CheckMissed(deploy, "checkout", owner, AT.minusSeconds(225), 15, AT,
                        List.of(new Target(DutyRole.DEPLOY_OWNER, owner, null), new Target(DutyRole.ON_CALL_PRIMARY, primary, null)),
                        "ownership.check.T0-T4", "2026.11.0"));
        roster.sendEvent(missed);
        roster.sendEvent(missed);

        await().atMost(Duration.ofSeconds(60)).until(() -> List.of(owner, primary).stream().allMatch(p ->
                deliveries.find(DeliveryPlan.notificationId(missed.id(), p, Channel.EMAIL)).map(d -> d.status().equals("sent")).orElse(false)));
        given().auth().oauth2(Tokens.of("auditor")).queryParam("causationId", missed.id()).get("/notifications")
                .then().statusCode(200).body("", hasSize(2), "template", org.hamcrest.Matchers.everyItem(equalTo("check-missed")));
        given().auth().oauth2(Tokens.of("auditor")).queryParam("causationId", missed.id()).queryParam("recipient", primary)
                .get("/notifications").then().body("[0].role", equalTo("on-call-primary"));

        VigilEvent<OwnershipHandedOff> handoff = VigilEvent.of(OWNERSHIP, deploy, AT.plusSeconds(60), owner, null, null,
                new OwnershipHandedOff(deploy, "checkout", owner, primary, "going on leave", owner, AT.plusSeconds(60)));
        roster.sendEvent(handoff);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.of("auditor"))
                .queryParam("causationId", handoff.id()).get("/notifications").then().statusCode(200)
                .body("", hasSize(2), "find { it.recipient == '" + primary + "' }.role", equalTo("deploy-owner"),
                        "find { it.recipient == '" + owner + "' }.role", equalTo("previous-owner")));
    }

    @Test
    void shouldTellTheOwnerOfAPostmortemDueAndAlsoTheIngestionOwnerWhenItIsOverdue() {
        TestRoster roster = new TestRoster(producer, codec);
        String owner = "n-pm-own-" + UUID.randomUUID();
        String ingestion = "n-pm-io-" + UUID.randomUUID();
        roster.person(owner, null, RealmRole.ENGINEER);
        roster.person(ingestion, null, RealmRole.INGESTION_OWNER);
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.contact(owner).isPresent() && directory.contact(ingestion).isPresent());
        String deploy = "dep-" + UUID.randomUUID();
        VigilEvent<PostmortemRequired> required = VigilEvent.of(OWNERSHIP, deploy, AT, "ownership-service", null, null,
                new PostmortemRequired(deploy, "checkout", owner, PostmortemTrigger.ROLLBACK, deploy, AT, AT.plusSeconds(72 * 3600),
                        "docs/incidents/2029-05-02-checkout.md", "postmortem.rollback", "2026.11.0"));
        roster.sendEvent(required);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.of("auditor"))
                .queryParam("causationId", required.id()).get("/notifications").then().statusCode(200)
                .body("", hasSize(1), "[0].recipient", equalTo(owner), "[0].template", equalTo("postmortem-required")));

        VigilEvent<PostmortemOverdue> overdue = VigilEvent.of(OWNERSHIP, deploy, AT.plusSeconds(72 * 3600), "ownership-service", null, null,
                new PostmortemOverdue(deploy, "checkout", owner, "docs/incidents/2029-05-02-checkout.md", AT.plusSeconds(72 * 3600),
                        "postmortem.overdue", "2026.11.0"));
        roster.sendEvent(overdue);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.of("auditor"))
                .queryParam("causationId", overdue.id()).get("/notifications").then().statusCode(200)
                .body("find { it.recipient == '" + owner + "' }.role", equalTo("deploy-owner"),
                        "find { it.recipient == '" + ingestion + "' }.role", equalTo("ingestion-owner"),
                        "template", org.hamcrest.Matchers.everyItem(equalTo("postmortem-overdue"))));
    }
}
