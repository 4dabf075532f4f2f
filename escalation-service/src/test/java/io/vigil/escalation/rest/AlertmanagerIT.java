package io.vigil.escalation.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The Prometheus Alertmanager webhook, exactly as Alertmanager sends it. */
@QuarkusTest
class AlertmanagerIT {
    static final String SECRET = "local-dev-only-alertmanager-secret";
    @Inject
    Producer<String, byte[]> producer;
    @Inject
    ControllableClock clock;
    @Inject
    RosterReadModel roster;

    static String alert(String status, String fingerprint, String extraLabels) {
        String endsAt = status.equals("firing") ? "0001-01-01T00:00:00Z" : "2026-11-23T10:20:00Z";
        return """
                {"status":"%s","labels":{"alertname":"UploadErrors","service":"ingest","instance":"ingest-1:9100"%s},
                 "annotations":{"summary":"Upload error rate high","description":"more than 20 %% of uploads fail"},
                 "startsAt":"2026-11-23T10:00:00.123456789Z","endsAt":"%s",
                 "generatorURL":"http://127.0.0.1:9090/graph?g0.expr=rate","fingerprint":"%s"}""".formatted(status, extraLabels, endsAt, fingerprint);
    }

    static String notification(String status, String... alerts) {
        return """
                {"receiver":"vigil","status":"%s","alerts":[%s],"groupLabels":{"alertname":"UploadErrors"},
                 "commonLabels":{"alertname":"UploadErrors","service":"ingest"},"commonAnnotations":{},
                 "externalURL":"http://127.0.0.1:9095","version":"4","groupKey":"{}:{alertname=\\"UploadErrors\\"}",
                 "truncatedAlerts":0,"someFieldFromANewerAlertmanager":true}""".formatted(status, String.join(",", alerts));
    }

    static io.restassured.response.ValidatableResponse post(String body) {
        return given().auth().preemptive().basic("alertmanager", SECRET).contentType(ContentType.JSON).body(body)
                .post("/integrations/alertmanager").then();
    }

    @Test
    void shouldOpenOneIncidentForTheGroupAndResolveItWhenTheLastAlertResolves() {
        OnCallRoster.publish(producer, roster, clock.instant());
        String f1 = "fp-" + UUID.randomUUID();
        String f2 = "fp-" + UUID.randomUUID();
        String gone = "fp-" + UUID.randomUUID();
        post(notification("firing", alert("firing", f1, ",\"errorRatePct\":\"35\""), alert("firing", f2, ""),
                alert("resolved", gone, ""))).statusCode(202).body("alerts", equalTo(3));
        String id = IncidentLadderIT.incidentOf(f1);
        assertThat(IncidentLadderIT.incident(id).getList("alerts.alertKey")).containsExactlyInAnyOrder(f1, f2);
        assertThat(IncidentLadderIT.incident(id).getString("severity")).isEqualTo("P2");
        assertThat(IncidentLadderIT.incident(id).getString("policyRule")).isEqualTo("severity.P2.error-rate-above-20");

        post(notification("resolved", alert("resolved", f1, ""))).statusCode(202);
        assertThat(IncidentLadderIT.incident(id).getString("status")).isEqualTo("open");
        post(notification("firing", alert("firing", f2, ""))).statusCode(202); // Alertmanager repeats firing alerts
        assertThat(IncidentLadderIT.incidentOf(f2)).isEqualTo(id);
        post(notification("resolved", alert("resolved", f2, ""))).statusCode(202);
        assertThat(IncidentLadderIT.incident(id).getString("status")).isEqualTo("resolved");
    }

    @Test
    void shouldAcceptAnEventPublisherTokenOrTheSecretAndNobodyElse() {
        String body = notification("firing", alert("firing", "fp-" + UUID.randomUUID(), ""));
        given().auth().oauth2(Tokens.ofClient("ci-publisher", "ci-publisher-secret")).contentType(ContentType.JSON).body(body)
                .post("/integrations/alertmanager").then().statusCode(202);
        given().auth().oauth2(Tokens.of("engineer")).contentType(ContentType.JSON).body(body)
                .post("/integrations/alertmanager").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body).post("/integrations/alertmanager").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().preemptive().basic("alertmanager", "guess").contentType(ContentType.JSON).body(body)
                .post("/integrations/alertmanager").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseAndDeadLetterAPayloadItCannotUse() {
        String marker = UUID.randomUUID().toString();
        post(notification("firing", alert("firing", "fp-" + marker, "")).replace("\"version\":\"4\"", "\"version\":\"3\""))
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("version"));
        post(notification("firing", alert("firing", "", ""))).statusCode(400).body("errors[0].field", equalTo("alerts[0].fingerprint"));
        post("not json").statusCode(400).contentType("application/problem+json");

        List<ConsumerRecord<String, byte[]>> dead = KafkaTestTopics.read(Topics.DEAD_LETTER,
                r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker), 1, Duration.ofSeconds(20));
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(new String(r.headers().lastHeader(DeadLetters.CONSUMER).value(), StandardCharsets.UTF_8))
                    .isEqualTo("escalation.integrations.alertmanager");
            assertThat(new String(r.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8)).contains("version");
        });
    }
}
