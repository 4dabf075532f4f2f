package io.vigil.notification.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vigil.events.DutyRole;
import io.vigil.events.EventCodec;
import io.vigil.events.Severity;
import io.vigil.events.Target;
import io.vigil.events.VigilEvent;
import io.vigil.events.incidents.EscalationAction;
import io.vigil.events.incidents.IncidentEscalated;
import io.vigil.events.notifications.Channel;
import io.vigil.events.roster.RealmRole;
import io.vigil.notification.application.DeliveryPlan;
import io.vigil.notification.persistence.Deliveries;
import io.vigil.notification.persistence.DirectoryReadModel;
import io.vigil.platform.testing.Tokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * An SMTP server that accepts connections and never answers: the send gives up after quarkus.mailer.timeout, the
 * attempt is recorded as a retry naming the timeout, and the webhook of the same event is delivered meanwhile.
 */
@QuarkusTest
@TestProfile(HangingSmtpIT.HangingSmtp.class)
class HangingSmtpIT {
    static final URI ESCALATION = URI.create("urn:vigil:escalation-service");
    static final Instant AT = Instant.parse("2029-03-07T10:00:00Z");

    /** The mailer on a free port of 127.0.0.1 (the test listens there) and a short timeout. */
    public static class HangingSmtp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return Map.of("quarkus.mailer.port", String.valueOf(probe.getLocalPort()),
                        "quarkus.mailer.timeout", "2S");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Accepts every connection on 127.0.0.1:port and never writes a byte (no SMTP greeting); closed by the test. */
    static final class SilentSmtpServer implements AutoCloseable {
        final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final ServerSocket server;
        private final Thread acceptor;

        SilentSmtpServer(int port) throws IOException {
            server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        accepted.add(server.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        @Override
        public void close() throws Exception {
            server.close();
            for (Socket s : accepted) {
                s.close();
            }
            acceptor.join(5000);
        }
    }

    @Inject
    Producer<String, byte[]> producer;
    @Inject
    EventCodec codec;
    @Inject
    DirectoryReadModel directory;
    @Inject
    Deliveries deliveries;
    @ConfigProperty(name = "quarkus.mailer.port")
    int smtpPort;

    @Test
    void shouldRetryTheEmailAfterTheTimeoutWhileTheWebhookIsDelivered() throws Exception {
        try (SilentSmtpServer smtp = new SilentSmtpServer(smtpPort); FlakyReceiver webhook = new FlakyReceiver(0)) {
            String person = "n-smtp-hangs-" + UUID.randomUUID();
            TestRoster roster = new TestRoster(producer, codec);
            roster.person(person, webhook.url(), RealmRole.INGESTION_OWNER);
            await().atMost(Duration.ofSeconds(60)).until(() -> directory.contact(person).isPresent());

            String incident = "inc-" + UUID.randomUUID();
            VigilEvent<IncidentEscalated> page = VigilEvent.of(ESCALATION, incident, AT, "escalation-service", null, null,
                    new IncidentEscalated(incident, Severity.P2, 2, 60, EscalationAction.PAGE,
                            List.of(new Target(DutyRole.INGESTION_OWNER, person, AT.plusSeconds(3600))),
                            null, null, AT, "ladder.P2.step2", "2026.11.0"));
            roster.sendEvent(page);
            String email = DeliveryPlan.notificationId(page.id(), person, Channel.EMAIL);
            String hook = DeliveryPlan.notificationId(page.id(), person, Channel.WEBHOOK);

            await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.find(hook).map(d -> d.status().equals("sent")).orElse(false));
            assertThat(webhook.delivered()).isEqualTo(1);

            await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.find(email).map(d -> d.attempts() >= 1).orElse(false));
            assertThat(smtp.accepted).as("the mailer reached the silent server").isNotEmpty();
            given().auth().oauth2(Tokens.of("admin")).get("/notifications/" + email).then().statusCode(200)
                    .body("status", equalTo("pending"), "attemptCount", equalTo(1),
                            "attempts[0].outcome", equalTo("failed"),
                            "attempts[0].error", allOf(containsString("no answer within PT2S"), containsString("quarkus.mailer.timeout")),
                            "lastError", containsString("quarkus.mailer.timeout"));
        }
    }
}
