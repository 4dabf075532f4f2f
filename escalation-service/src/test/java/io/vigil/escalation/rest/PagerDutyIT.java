package io.vigil.escalation.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vigil.escalation.persistence.RosterReadModel;
import io.vigil.events.Topics;
import io.vigil.platform.clock.ControllableClock;
import io.vigil.platform.deadletter.DeadLetters;
import io.vigil.platform.testing.KafkaTestTopics;
import io.vigil.platform.testing.Tokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** {@code POST /v2/enqueue}: PagerDuty Events API v2 events as PagerDuty's senders send them, answered as PagerDuty answers. */
@QuarkusTest
class PagerDutyIT {
    static final String ROUTING_KEY = "local-dev-only-pagerduty-routing-key";
    @Inject
    Producer<String, byte[]> producer;
    @Inject
    ControllableClock clock;
    @Inject
    RosterReadModel roster;

    static String sample(String name, String dedupKey) throws IOException {
        try (InputStream in = PagerDutyIT.class.getResourceAsStream("/pagerduty/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("samplekeyhere", dedupKey);
        }
    }

    static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/v2/enqueue").then();
    }

    @Test
    void shouldOpenAcknowledgeAndResolveAnIncidentByDedupKey() throws IOException {
        OnCallRoster.publish(producer, roster, clock.instant());
        String key = "pd-" + UUID.randomUUID();
        String answer = post(sample("trigger-pagerduty-docs.json", key)).statusCode(202).contentType(ContentType.JSON)
                .extract().asString();
        assertThat(answer).isEqualToIgnoringWhitespace("{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"" + key + "\"}")
                .contains("\"status\":\"success\"");
        String id = IncidentLadderIT.incidentOf(key);
        var opened = IncidentLadderIT.incident(id);
        assertThat(opened.getString("severity")).isEqualTo("P1");
        assertThat(opened.getString("policyRule")).isEqualTo("severity.explicit-raises-only");
        assertThat(opened.getString("title")).isEqualTo("DISK at 99% on machine prod-datapipe03.example.com");

        post(sample("trigger-pagerduty-docs.json", key)).statusCode(202); // a repeat joins the incident
        assertThat(IncidentLadderIT.incidentOf(key)).isEqualTo(id);
        post(sample("acknowledge.json", key)).statusCode(202).body("dedup_key", equalTo(key));
        assertThat(IncidentLadderIT.incident(id).getString("acknowledgedBy")).isEqualTo("pagerduty-integration");
        post(sample("acknowledge.json", key)).statusCode(202); // PagerDuty takes a repeated acknowledge too
        post(sample("resolve.json", key)).statusCode(202).body("status", equalTo("success"));
        assertThat(IncidentLadderIT.incident(id).getString("status")).isEqualTo("resolved");
        assertThat(IncidentLadderIT.incident(id).getString("resolvedBy")).isEqualTo("escalation-service");
        assertThat(IncidentLadderIT.incident(id).getList("timeline.type")).containsOnlyOnce("vigil.incident.acknowledged.v1");

        post(sample("acknowledge.json", "pd-unknown-" + UUID.randomUUID())).statusCode(202); // no incident: nothing to do
    }

    @Test
    void shouldAcceptAnEventPublisherTokenOrTheRoutingKeyAndNobodyElse() throws IOException {
        String key = "pd-" + UUID.randomUUID();
        String withoutKey = sample("trigger-alertmanager.json", key).replace(ROUTING_KEY, "");
        given().auth().oauth2(Tokens.ofClient("ci-publisher", "ci-publisher-secret")).contentType(ContentType.JSON).body(withoutKey)
                .post("/v2/enqueue").then().statusCode(202).body("dedup_key", equalTo("8e2d3fa5e7b04c8c0b3fd5c0b1a6e1f3d9a0c4b7e2f1a8d6c5b4a3f2e1d0c9b8"));
        given().auth().oauth2(Tokens.of("engineer")).contentType(ContentType.JSON).body(withoutKey)
                .post("/v2/enqueue").then().statusCode(403).contentType("application/problem+json");
        post(withoutKey).statusCode(401).contentType("application/problem+json");
        post(sample("trigger-pagerduty-docs.json", key).replace(ROUTING_KEY, "a-guess")).statusCode(401).contentType("application/problem+json");
        post("not json").statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldAnswerAnInvalidEventAsPagerDutyAndDeadLetterItWithoutItsRoutingKey() throws IOException {
        String key = "pd-" + UUID.randomUUID();
        post(sample("invalid-missing-summary-bad-severity.json", key)).statusCode(400).contentType(ContentType.JSON)
                .body("status", equalTo("invalid event")).body("message", equalTo("Event object is invalid"))
                .body("errors", equalTo(List.of("'payload.summary' is missing or blank",
                        "'payload.severity' is invalid (must be critical, error, warning or info)")));
        post(sample("invalid-event-action.json", key)).statusCode(400).body("errors", equalTo(List.of(
                "'event_action' is invalid (must be trigger, acknowledge or resolve)")));
        given().auth().oauth2(Tokens.ofClient("ci-publisher", "ci-publisher-secret")).contentType(ContentType.JSON).body("{\"event_action\":")
                .post("/v2/enqueue").then().statusCode(400).body("errors", equalTo(List.of("Event object is not valid JSON")));

        List<ConsumerRecord<String, byte[]>> dead = KafkaTestTopics.read(Topics.DEAD_LETTER, r -> key.equals(r.key()), 2, Duration.ofSeconds(20));
        assertThat(dead).hasSize(2).allSatisfy(r -> {
            assertThat(new String(r.headers().lastHeader(DeadLetters.CONSUMER).value(), StandardCharsets.UTF_8))
                    .isEqualTo("escalation.integrations.pagerduty");
            assertThat(new String(r.headers().lastHeader(DeadLetters.TOPIC).value(), StandardCharsets.UTF_8)).isEqualTo("http:POST /v2/enqueue");
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains(key).doesNotContain(ROUTING_KEY);
        });
        assertThat(new String(dead.get(0).headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8)).contains("payload.summary");
        assertThat(KafkaTestTopics.read(Topics.ALERTS, r -> key.equals(r.key()), 1, Duration.ofSeconds(3))).isEmpty();
        assertThat(given().auth().oauth2(Tokens.of("engineer")).get("/incidents?status=all").then().extract().asString()).doesNotContain(key);
    }
}
