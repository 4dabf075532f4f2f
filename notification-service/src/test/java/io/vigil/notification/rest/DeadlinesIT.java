package io.vigil.notification.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.DutyRole;
import io.vigil.events.EventCodec;
import io.vigil.events.Envelope;
import io.vigil.events.Severity;
import io.vigil.events.Target;
import io.vigil.events.Topics;
import io.vigil.events.VigilEvent;
import io.vigil.events.killswitch.KillSwitchAction;
import io.vigil.events.killswitch.KillSwitchActivated;
import io.vigil.events.killswitch.KillSwitchScenario;
import io.vigil.events.notifications.Channel;
import io.vigil.events.roster.RealmRole;
import io.vigil.notification.application.DeliveryPlan;
import io.vigil.notification.application.NotificationDeadlines;
import io.vigil.notification.config.NotificationConfig;
import io.vigil.notification.persistence.Deliveries;
import io.vigil.notification.persistence.DirectoryReadModel;
import io.vigil.platform.clock.ControllableClock;
import io.vigil.platform.testing.KafkaTestTopics;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Notification deadlines of a kill-switch activation (seed 001 §5.1), checked by durable timers: the PM, to be told at
 * once, is told by e-mail within the grace (met once the clock passes it); support's deadline had passed before the
 * event arrived (it came late), so it is missed whatever the delivery does — published as
 * notification.deadline-missed and listed by GET /notifications/deadlines?state=missed.
 */
@QuarkusTest
class DeadlinesIT {
    static final URI ESCALATION = URI.create("urn:vigil:escalation-service");

    @Inject
    Producer<String, byte[]> producer;
    @Inject
    EventCodec codec;
    @Inject
    DirectoryReadModel directory;
    @Inject
    Deliveries deliveries;
    @Inject
    ControllableClock clock;
    @Inject
    NotificationConfig config;

    @Test
    void shouldKeepTheDeadlineOfAMessageDeliveredInTimeAndReportTheOneThatPassed() throws Exception {
        TestRoster roster = new TestRoster(producer, codec);
        String pm = "n-dl-pm-" + UUID.randomUUID();
        String support = "n-dl-sup-" + UUID.randomUUID();
        roster.person(pm, null, RealmRole.PRODUCT_MANAGER);
        roster.person(support, null, RealmRole.SUPPORT_LEAD);
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.contact(pm).isPresent() && directory.contact(support).isPresent());

        Instant at = clock.instant();
        String switchId = "ks-" + UUID.randomUUID();
        VigilEvent<KillSwitchActivated> activated = VigilEvent.of(ESCALATION, switchId, at, "ingestion-owner", null, null,
                new KillSwitchActivated(switchId, KillSwitchAction.PAUSE, "workspace:acme", KillSwitchScenario.CLIENT_REQUEST,
                        "client asked", Severity.P3, "ingestion-owner", at, 30, List.of(), List.of(), null,
                        List.of(new Target(DutyRole.PRODUCT_MANAGER, pm, at),
                                new Target(DutyRole.SUPPORT_LEAD, support, at.minus(Duration.ofMinutes(5)))),
                        "killswitch.scenario.client-request", "2026.11.0"));
        roster.sendEvent(activated);
        String pmMail = DeliveryPlan.notificationId(activated.id(), pm, Channel.EMAIL);
        String supportDeadline = NotificationDeadlines.deadlineId(activated.id(), support);
        await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.find(pmMail).map(d -> d.status().equals("sent")).orElse(false));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.of("auditor"))
                .queryParam("causationId", activated.id()).queryParam("state", "missed").get("/notifications/deadlines")
                .then().statusCode(200).body("", hasSize(1), "[0].id", equalTo(supportDeadline), "[0].recipient", equalTo(support),
                        "[0].role", equalTo("support-lead")));
        given().auth().oauth2(Tokens.of("auditor")).queryParam("causationId", activated.id()).queryParam("recipient", pm)
                .get("/notifications/deadlines").then().statusCode(200).body("", hasSize(1), "[0].state", equalTo("pending"));

        clock.advance(config.deadlineGrace().plusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.of("auditor"))
                .queryParam("causationId", activated.id()).queryParam("recipient", pm).get("/notifications/deadlines")
                .then().statusCode(200).body("[0].state", equalTo("met")));

        List<Envelope> events = KafkaTestTopics.read(Topics.NOTIFICATIONS, r -> supportDeadline.equals(r.key()), 1, Duration.ofSeconds(20))
                .stream().map(r -> codec.decode(r.headers(), r.value())).toList();
        assertThat(events).extracting(Envelope::type).containsExactly("vigil.notification.deadline-missed.v1");
        var data = new ObjectMapper().readTree(events.get(0).data());
        assertThat(data.get("recipient").asText()).isEqualTo(support);
        assertThat(data.get("causationSubject").asText()).isEqualTo(switchId);
        assertThat(data.get("deliveryStatus").asText()).isIn("pending", "sent-late");
        assertThat(data.get("notificationIds").get(0).asText()).isEqualTo(DeliveryPlan.notificationId(activated.id(), support, Channel.EMAIL));
        given().auth().oauth2(Tokens.of("engineer")).queryParam("recipient", support).get("/notifications/deadlines").then().statusCode(403);
        given().auth().oauth2(Tokens.of("auditor")).queryParam("state", "late").get("/notifications/deadlines").then().statusCode(400);
    }

    @Test
    void shouldTellEveryoneAnOverdueApprovalWasEscalatedTo() {
        TestRoster roster = new TestRoster(producer, codec);
        String owner = "n-od-own-" + UUID.randomUUID();
        String lead = "n-od-sre-" + UUID.randomUUID();
        roster.person(owner, null, RealmRole.INGESTION_OWNER);
        roster.person(lead, null, RealmRole.SRE_LEAD);
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.contact(owner).isPresent() && directory.contact(lead).isPresent());

        Instant at = clock.instant();
        String switchId = "ks-" + UUID.randomUUID();
        VigilEvent<io.vigil.events.killswitch.KillSwitchApprovalOverdue> overdue = VigilEvent.of(ESCALATION, switchId, at,
                "escalation-service", null, null, new io.vigil.events.killswitch.KillSwitchApprovalOverdue(switchId,
                        List.of(DutyRole.INGESTION_OWNER), at, true,
                        List.of(new Target(DutyRole.INGESTION_OWNER, owner, at), new Target(DutyRole.SRE_LEAD, lead, at)),
                        "killswitch.scenario.error-rate-above-10", "2026.11.0"));
        roster.sendEvent(overdue);
        for (String person : List.of(owner, lead)) {
            String mail = DeliveryPlan.notificationId(overdue.id(), person, Channel.EMAIL);
            await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.find(mail).map(d -> d.status().equals("sent")).orElse(false));
            assertThat(deliveries.find(mail).orElseThrow().template()).isEqualTo("killswitch-approval-overdue");
            assertThat(deliveries.find(mail).orElseThrow().body()).contains("OVERDUE: " + switchId).contains("Missing: ingestion-owner");
        }
    }
}
