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
import io.vigil.events.incidents.EscalationAction;
import io.vigil.events.incidents.IncidentEscalated;
import io.vigil.events.killswitch.KillSwitchAction;
import io.vigil.events.killswitch.KillSwitchActivated;
import io.vigil.events.killswitch.KillSwitchScenario;
import io.vigil.events.notifications.Channel;
import io.vigil.events.roster.RealmRole;
import io.vigil.notification.application.DeliveryPlan;
import io.vigil.notification.config.NotificationConfig;
import io.vigil.notification.persistence.Deliveries;
import io.vigil.notification.persistence.DirectoryReadModel;
import io.vigil.platform.clock.ControllableClock;
import io.vigil.platform.testing.KafkaTestTopics;
import io.vigil.platform.testing.Tokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Channels that are down: they delay only their own messages, and give up with notification.failed. */
@QuarkusTest
class DeliveryFailureIT {
    static final URI ESCALATION = URI.create("urn:vigil:escalation-service");
    static final Instant AT = Instant.parse("2029-03-07T10:00:00Z");

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

    VigilEvent<IncidentEscalated> pageTo(String person) {
        TestRoster roster = new TestRoster(producer, codec);
        String incident = "inc-" + UUID.randomUUID();
        VigilEvent<IncidentEscalated> page = VigilEvent.of(ESCALATION, incident, AT, "escalation-service", null, null,
                new IncidentEscalated(incident, Severity.P2, 2, 60, EscalationAction.PAGE,
                        List.of(new Target(DutyRole.INGESTION_OWNER, person, AT.plusSeconds(3600))),
                        null, null, AT, "ladder.P2.step2", "2026.11.0"));
        roster.sendEvent(page);
        return page;
    }

    void register(String person, String webhookUrl) {
        new TestRoster(producer, codec).person(person, webhookUrl, RealmRole.INGESTION_OWNER);
        await().atMost(Duration.ofSeconds(60)).until(() -> directory.contact(person).isPresent());
    }

    @Test
    void shouldSendTheEmailWhileTheWebhookHangs() throws Exception {
        try (HeldReceiver held = new HeldReceiver()) {
            String person = "n-held-" + UUID.randomUUID();
            register(person, held.url());
            VigilEvent<IncidentEscalated> page = pageTo(person);
            String email = DeliveryPlan.notificationId(page.id(), person, Channel.EMAIL);
            String webhook = DeliveryPlan.notificationId(page.id(), person, Channel.WEBHOOK);

            await().atMost(Duration.ofSeconds(30)).until(() -> held.arrived.get() == 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> deliveries.find(email).map(d -> d.status().equals("sent")).orElse(false));
            assertThat(deliveries.find(webhook).orElseThrow().status()).isEqualTo("pending");
            held.release();
            await().atMost(Duration.ofSeconds(15)).until(() -> deliveries.find(webhook).map(d -> d.status().equals("sent")).orElse(false));
        }
    }

    @Test
    void shouldReportAFailureAfterTheLastAttempt() throws Exception {
        String dead;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            dead = "http://127.0.0.1:" + socket.getLocalPort() + "/hook"; // closed again before anyone calls it
        }
        String person = "n-dead-" + UUID.randomUUID();
        register(person, dead);
        VigilEvent<IncidentEscalated> page = pageTo(person);
        String id = DeliveryPlan.notificationId(page.id(), person, Channel.WEBHOOK);

        int max = config.delivery().maxAttempts();
        Duration wait = config.delivery().initialBackoff();
        for (int attempt = 1; attempt <= max; attempt++) {
            int expected = attempt;
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.find(id).map(d -> d.attempts() >= expected).orElse(false));
            if (attempt < max) {
                clock.advance(wait);
                wait = wait.multipliedBy(2);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.find(id).map(d -> d.status().equals("failed")).orElse(false));
        given().auth().oauth2(Tokens.of("auditor")).get("/notifications/" + id).then().statusCode(200)
                .body("status", equalTo("failed"), "attemptCount", equalTo(max), "attempts.size()", equalTo(max));

        List<Envelope> events = KafkaTestTopics.read(Topics.NOTIFICATIONS, r -> id.equals(r.key()), 2, Duration.ofSeconds(8))
                .stream().map(r -> codec.decode(r.headers(), r.value())).toList();
        assertThat(events).extracting(Envelope::type).containsExactly("vigil.notification.failed.v1");
        var data = new ObjectMapper().readTree(events.get(0).data());
        assertThat(data.get("attempts").asInt()).isEqualTo(max);
        assertThat(data.get("error").asText()).contains("not reachable");
        assertThat(data.get("role").asText()).isEqualTo("ingestion-owner");
    }

    @Test
    void shouldNotifyTheKillSwitchNotifyListAndNameTheSwitchAsCause() {
        String pm = "n-pm-" + UUID.randomUUID();
        register(pm, null);
        String switchId = "ks-" + UUID.randomUUID();
        VigilEvent<KillSwitchActivated> activated = VigilEvent.of(ESCALATION, switchId, AT, "oncall-1", null, null,
                new KillSwitchActivated(switchId, KillSwitchAction.PAUSE, "workspace:acme", KillSwitchScenario.ERROR_RATE_ABOVE_10,
                        "error rate 12 %", Severity.P2, "oncall-1", AT, 30, List.of(DutyRole.INGESTION_OWNER), List.of(),
                        AT.plusSeconds(900), List.of(new Target(DutyRole.PRODUCT_MANAGER, pm, AT.plusSeconds(900))),
                        "killswitch.scenario.error-rate-above-10", "2026.11.0"));
        new TestRoster(producer, codec).sendEvent(activated);
        String id = DeliveryPlan.notificationId(activated.id(), pm, Channel.EMAIL);
        await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.find(id).map(d -> d.status().equals("sent")).orElse(false));
        given().auth().oauth2(Tokens.of("admin")).get("/notifications/" + id).then().statusCode(200)
                .body("template", equalTo("killswitch-activated"), "role", equalTo("product-manager"),
                        "causationSubject", equalTo(switchId), "subject", equalTo("⛔ KILL SWITCH: pause workspace:acme P2"));
    }

    @Test
    void shouldRebuildTheDirectoryFromTheRecordedRosterEvents() {
        String person = "n-rebuilt-" + UUID.randomUUID();
        register(person, null);
        given().auth().oauth2(Tokens.of("admin")).post("/admin/projections/contact/rebuild").then().statusCode(200);
        assertThat(directory.contact(person)).isPresent();
        assertThat(directory.holders("ingestion-owner", AT)).contains(person);
        given().auth().oauth2(Tokens.of("auditor")).post("/admin/projections/contact/rebuild").then().statusCode(403);
    }
}
