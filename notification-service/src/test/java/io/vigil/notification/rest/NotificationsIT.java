package io.vigil.notification.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vigil.events.DutyRole;
import io.vigil.events.EventCodec;
import io.vigil.events.Envelope;
import io.vigil.events.Severity;
import io.vigil.events.Target;
import io.vigil.events.Topics;
import io.vigil.events.VigilEvent;
import io.vigil.events.incidents.EscalationAction;
import io.vigil.events.incidents.IncidentEscalated;
import io.vigil.events.incidents.IncidentOpened;
import io.vigil.events.incidents.IncidentResolved;
import io.vigil.events.incidents.IncidentUpdateDue;
import io.vigil.events.roster.RealmRole;
import io.vigil.notification.application.DeliveryPlan;
import io.vigil.notification.channel.IndependentWebhookVerifier;
import io.vigil.notification.config.NotificationConfig;
import io.vigil.events.notifications.Channel;
import io.vigil.notification.persistence.DirectoryReadModel;
import io.vigil.platform.clock.ControllableClock;
import io.vigil.platform.testing.KafkaTestTopics;
import io.vigil.platform.testing.Tokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Incident events in, messages out: e-mail through GreenMail, signed webhooks, each delivered once. */
@QuarkusTest
class NotificationsIT {
    static final URI ESCALATION = URI.create("urn:vigil:escalation-service");
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String PRIMARY = "n-primary-" + RUN;
    static final String SECONDARY = "n-secondary-" + RUN;
    static final String SRE = "n-sre-" + RUN;
    static final LocalDate WEEK = TestRoster.freshWeek();
    static final Instant IN_WEEK = WEEK.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3 * 86400);
    static boolean registered;

    @Inject
    Producer<String, byte[]> producer;
    @Inject
    EventCodec codec;
    @Inject
    DirectoryReadModel directory;
    @Inject
    ControllableClock clock;
    @Inject
    NotificationConfig config;

    TestRoster roster;

    @BeforeEach
    void registerPeople() {
        roster = new TestRoster(producer, codec);
        if (registered) {
            return;
        }
        roster.person(PRIMARY, null, RealmRole.ENGINEER);
        roster.person(SECONDARY, null, RealmRole.ENGINEER);
        roster.person(SRE, null, RealmRole.SRE_LEAD);
        roster.person("engineer", null, RealmRole.ENGINEER);
        roster.rotation(WEEK, PRIMARY, SECONDARY);
        await().atMost(Duration.ofSeconds(90)).until(() -> directory.contact(SRE).isPresent()
                && directory.contact("engineer").isPresent()
                && directory.onCall("primary", IN_WEEK).filter(PRIMARY::equals).isPresent());
        registered = true;
    }

    @Test
    void shouldResolveRolesAtTheInstantFromTheRoster() {
        assertThat(directory.onCall("secondary", IN_WEEK)).contains(SECONDARY);
        assertThat(directory.holders("sre-lead", IN_WEEK)).contains(SRE);
        assertThat(directory.holders("sre-lead", Instant.parse("2025-12-31T00:00:00Z"))).doesNotContain(SRE);
    }

    @Test
    void shouldSendTheIncidentStartOnceToEveryStakeholderEvenWhenTheEventComesTwice() throws Exception {
        String incident = "inc-" + UUID.randomUUID();
        VigilEvent<IncidentOpened> opened = VigilEvent.of(ESCALATION, incident, IN_WEEK, "escalation-service", null, null,
                new IncidentOpened(incident, "checkout-" + RUN, "Error rate 24.5 % on checkout", Severity.P2,
                        List.of("error rate above 20 %"), List.of("alert-1"), "workspace:acme", null, null, IN_WEEK,
                        "severity.P2.error-rate-above-20", "2026.11.0"));
        roster.sendEvent(opened);
        roster.sendEvent(opened); // a redelivery

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.of("auditor"))
                .queryParam("causationId", opened.id()).queryParam("status", "sent")
                .get("/notifications").then().statusCode(200)
                .body("findAll { it.recipient in ['" + PRIMARY + "', '" + SECONDARY + "', '" + SRE + "'] }", hasSize(3)));
        given().auth().oauth2(Tokens.of("admin")).queryParam("causationId", opened.id()).queryParam("recipient", PRIMARY)
                .get("/notifications").then().statusCode(200)
                .body("", hasSize(1), "[0].channel", equalTo("email"), "[0].template", equalTo("incident-start"),
                        "[0].role", equalTo("on-call-primary"), "[0].subject", equalTo("🔴 INCIDENT: checkout-" + RUN + " P2"));

        JsonNode mail = inbox(PRIMARY + "@vigil.local");
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).get("subject").asText()).isEqualTo("🔴 INCIDENT: checkout-" + RUN + " P2");
        assertThat(mail.get(0).get("mimeMessage").asText())
                .contains("X-Vigil-Notification-Id: " + DeliveryPlan.notificationId(opened.id(), PRIMARY, Channel.EMAIL));

        String id = DeliveryPlan.notificationId(opened.id(), PRIMARY, Channel.EMAIL);
        List<Envelope> sent = KafkaTestTopics.read(Topics.NOTIFICATIONS, r -> id.equals(r.key()), 2, Duration.ofSeconds(8))
                .stream().map(r -> codec.decode(r.headers(), r.value())).toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).type()).isEqualTo("vigil.notification.sent.v1");
        assertThat(sent.get(0).causationId()).isEqualTo(opened.id());
        assertThat(sent.get(0).correlationId()).isEqualTo(opened.correlationId());
    }

    @Test
    void shouldDeliverASignedWebhookOnceAfterTheReceiverFailedTwice() throws Exception {
        try (FlakyReceiver receiver = new FlakyReceiver(2)) {
            String flaky = "n-flaky-" + UUID.randomUUID();
            roster.person(flaky, receiver.url(), RealmRole.ENGINEER);
            await().atMost(Duration.ofSeconds(30)).until(() -> directory.contact(flaky).isPresent());
            String incident = "inc-" + UUID.randomUUID();
            VigilEvent<IncidentEscalated> page = VigilEvent.of(ESCALATION, incident, IN_WEEK, "escalation-service", null, null,
                    new IncidentEscalated(incident, Severity.P1, 1, 15, EscalationAction.PAGE,
                            List.of(new Target(DutyRole.ON_CALL_SECONDARY, flaky, IN_WEEK.plusSeconds(1800))),
                            "the primary did not acknowledge", null, IN_WEEK, "ladder.P1.step1", "2026.11.0"));
            roster.sendEvent(page);
            String id = DeliveryPlan.notificationId(page.id(), flaky, Channel.WEBHOOK);

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.calls.size() == 1);
            clock.advance(config.delivery().initialBackoff());
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.calls.size() == 2);
            clock.advance(config.delivery().initialBackoff().multipliedBy(2));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.delivered() == 1);

            given().auth().oauth2(Tokens.of("admin")).get("/notifications/" + id).then().statusCode(200)
                    .body("status", equalTo("sent"), "attemptCount", equalTo(3), "attempts", hasSize(3),
                            "attempts[0].outcome", equalTo("failed"), "attempts[2].outcome", equalTo("sent"),
                            "template", equalTo("escalation-page"));
            assertThat(receiver.calls).extracting(c -> c.header("webhook-id")).containsOnly(id);
            String secret = config.webhook().secret();
            assertThat(receiver.calls).allSatisfy(c -> assertThat(IndependentWebhookVerifier.verifies(secret,
                    c.header("webhook-id"), c.header("webhook-timestamp"), c.body(), c.header("webhook-signature"))).isTrue());
            JsonNode body = new ObjectMapper().readTree(receiver.calls.get(2).body());
            assertThat(body.path("data").path("text").asText()).startsWith("🚨 PAGE: incident " + incident + " P1\n");

            List<Envelope> sent = KafkaTestTopics.read(Topics.NOTIFICATIONS, r -> id.equals(r.key()), 2, Duration.ofSeconds(8))
                    .stream().map(r -> codec.decode(r.headers(), r.value())).toList();
            assertThat(sent).hasSize(1);
            assertThat(new ObjectMapper().readTree(sent.get(0).data()).get("attempts").asInt()).isEqualTo(3);
            Thread.sleep(1500); // one more worker tick: nothing further goes out
            assertThat(receiver.delivered()).isEqualTo(1);
        }
    }

    @Test
    void shouldTellTheDeployOwnerAsIngestionOwnerHowTheIncidentWasResolved() {
        String owner = "n-owner-" + UUID.randomUUID();
        roster.person(owner, null, RealmRole.ENGINEER);
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.contact(owner).isPresent());
        String incident = "inc-" + UUID.randomUUID();
        roster.sendEvent(VigilEvent.of(ESCALATION, incident, IN_WEEK, "escalation-service", null, null,
                new IncidentOpened(incident, "payments-" + RUN, "Circuit breaker open", Severity.P1, List.of(), List.of("alert-2"),
                        "global", "dep-1", owner, IN_WEEK, "severity.P1.circuit-breaker-open", "2026.11.0")));
        VigilEvent<IncidentResolved> resolved = VigilEvent.of(ESCALATION, incident, IN_WEEK.plusSeconds(4500), "oncall-1", null, null,
                new IncidentResolved(incident, Severity.P1, PRIMARY, "connection pool exhausted", "pool raised",
                        IN_WEEK, IN_WEEK.plusSeconds(4500), 4500));
        roster.sendEvent(resolved);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.of("admin"))
                .queryParam("causationId", resolved.id()).queryParam("recipient", owner)
                .get("/notifications").then().statusCode(200)
                .body("", hasSize(1), "[0].role", equalTo("ingestion-owner"), "[0].template", equalTo("incident-resolved"),
                        "[0].subject", equalTo("🟢 RESOLVED: payments-" + RUN + " P1"),
                        "[0].body", org.hamcrest.Matchers.containsString("Duration: 1 hour 15 minutes\nRoot cause: connection pool exhausted\n"),
                        "[0].body", org.hamcrest.Matchers.endsWith("Follow-up: post-incident scheduled Y\n")));
    }

    @Test
    void shouldRecordButNotAnnounceAnEventFromLongAgo() {
        String incident = "inc-" + UUID.randomUUID();
        Instant longAgo = Instant.now().minus(Duration.ofDays(3));
        VigilEvent<IncidentOpened> old = VigilEvent.of(ESCALATION, incident, longAgo, "escalation-service", null, null,
                new IncidentOpened(incident, "old-" + RUN, "Old", Severity.P3, List.of(), List.of("a"), null, null, null, longAgo,
                        "severity.P3.otherwise", "2026.11.0"));
        roster.sendEvent(old);
        // a recent event of the same incident, behind it on the same partition: once it is announced, the old one was read
        VigilEvent<IncidentUpdateDue> fresh = VigilEvent.of(ESCALATION, incident, IN_WEEK, "escalation-service", null, null,
                new IncidentUpdateDue(incident, Severity.P3, 1, PRIMARY, IN_WEEK, "incident.update-due", "2026.11.0"));
        roster.sendEvent(fresh);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.of("admin"))
                .queryParam("causationId", fresh.id()).get("/notifications").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.greaterThan(0)));
        given().auth().oauth2(Tokens.of("admin")).queryParam("causationId", old.id()).get("/notifications")
                .then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void shouldLetAPersonSeeOnlyTheirOwnNotifications() {
        String id = given().auth().oauth2(Tokens.of("engineer")).post("/notifications/test")
                .then().statusCode(202).extract().path("notificationIds[0]");
        given().auth().oauth2(Tokens.of("engineer")).get("/notifications/" + id).then().statusCode(200)
                .body("recipient", equalTo("engineer"), "template", equalTo("test"));
        given().auth().oauth2(Tokens.of("support-lead")).get("/notifications/" + id).then().statusCode(403)
                .contentType("application/problem+json").body("rule", equalTo("notification.own-only"));
        given().auth().oauth2(Tokens.of("engineer")).queryParam("recipient", "admin").get("/notifications")
                .then().statusCode(403).body("rule", equalTo("notification.own-only"));
        given().auth().oauth2(Tokens.of("engineer")).get("/notifications").then().statusCode(200)
                .body("recipient.unique()", equalTo(List.of("engineer")));
        given().auth().oauth2(Tokens.of("auditor")).get("/notifications/" + id).then().statusCode(200);
        given().get("/notifications").then().statusCode(401);
        given().auth().oauth2(Tokens.of("auditor")).queryParam("status", "lost").get("/notifications").then().statusCode(400);
        given().auth().oauth2(Tokens.of("support-lead")).contentType(ContentType.JSON).post("/notifications/test")
                .then().statusCode(org.hamcrest.Matchers.oneOf(202, 409));
    }

    /** The messages GreenMail holds for the address, over its REST API. */
    static JsonNode inbox(String address) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:8025/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
