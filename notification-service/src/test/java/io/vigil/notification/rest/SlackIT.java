package io.vigil.notification.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
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

/**
 * Slack incoming webhooks: a page arrives as Block Kit JSON; a Slack webhook that is down holds up only its own
 * messages; both outcomes are counted for Prometheus.
 */
@QuarkusTest
class SlackIT {
    static final URI ESCALATION = URI.create("urn:vigil:escalation-service");
    static final Instant AT = Instant.parse("2029-04-11T09:30:00Z");

    @Inject
    Producer<String, byte[]> producer;
    @Inject
    EventCodec codec;
    @Inject
    DirectoryReadModel directory;
    @Inject
    Deliveries deliveries;

    @Test
    void shouldPostTheMessageAsBlockKitToThePersonsSlackWebhook() throws Exception {
        try (FlakyReceiver slack = new FlakyReceiver(0); FlakyReceiver down = new FlakyReceiver(Integer.MAX_VALUE)) {
            String reached = "n-slack-" + UUID.randomUUID();
            String unlucky = "n-slack-down-" + UUID.randomUUID();
            TestRoster roster = new TestRoster(producer, codec);
            roster.slackPerson(reached, slack.url(), null, RealmRole.ENGINEER);
            roster.slackPerson(unlucky, down.url(), null, RealmRole.ENGINEER);
            await().atMost(Duration.ofSeconds(60)).until(() -> directory.contact(reached).isPresent() && directory.contact(unlucky).isPresent());

            String incident = "inc-" + UUID.randomUUID();
            VigilEvent<IncidentEscalated> page = VigilEvent.of(ESCALATION, incident, AT, "escalation-service", null, null,
                    new IncidentEscalated(incident, Severity.P1, 1, 0, EscalationAction.PAGE,
                            List.of(new Target(DutyRole.ON_CALL_PRIMARY, unlucky, AT.plusSeconds(900)),
                                    new Target(DutyRole.ON_CALL_SECONDARY, reached, AT.plusSeconds(900))),
                            null, null, AT, "ladder.P1.step1", "2026.11.0"));
            roster.sendEvent(page);

            String id = DeliveryPlan.notificationId(page.id(), reached, Channel.SLACK);
            await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.find(id).map(d -> d.status().equals("sent")).orElse(false));
            await().atMost(Duration.ofSeconds(30)).until(() -> !down.calls.isEmpty()); // tried, refused, waits for its retry
            String downId = DeliveryPlan.notificationId(page.id(), unlucky, Channel.SLACK);
            assertThat(deliveries.find(downId).orElseThrow().status()).isEqualTo("pending");

            assertThat(slack.calls).hasSize(1);
            FlakyReceiver.Call call = slack.calls.get(0);
            assertThat(call.header("content-type")).startsWith("application/json");
            var row = deliveries.find(id).orElseThrow();
            JsonNode body = new ObjectMapper().readTree(call.body());
            assertThat(body.get("text").asText()).isEqualTo(row.subject());
            JsonNode blocks = body.get("blocks");
            assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
            assertThat(blocks.get(0).get("text").get("text").asText()).isEqualTo(row.subject()).startsWith("🚨 PAGE");
            assertThat(blocks.get(1).get("type").asText()).isEqualTo("section");
            assertThat(blocks.get(1).get("text").get("type").asText()).isEqualTo("mrkdwn");
            String lines = row.body().strip();
            assertThat(blocks.get(1).get("text").get("text").asText())
                    .isEqualTo(lines.substring(lines.indexOf('\n') + 1).strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
            assertThat(blocks.get(2).get("elements").get(0).get("text").asText()).contains(id);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(given().get("/q/metrics").then().statusCode(200)
                    .extract().asString()).contains("vigil_notification_deliveries_total{channel=\"slack\",outcome=\"sent\"")
                    .contains("vigil_notification_deliveries_total{channel=\"slack\",outcome=\"retry\""));
        }
    }
}
