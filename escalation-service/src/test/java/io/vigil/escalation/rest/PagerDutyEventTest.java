package io.vigil.escalation.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.events.Severity;
import io.vigil.events.alerts.AlertRaised;
import io.vigil.events.alerts.AlertResolved;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PagerDuty Events API v2 events, as PagerDuty's documentation and Alertmanager's PagerDuty receiver send them. */
class PagerDutyEventTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static JsonNode sample(String name) throws IOException {
        try (InputStream in = PagerDutyEventTest.class.getResourceAsStream("/pagerduty/" + name)) {
            return JSON.readTree(in);
        }
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void shouldReadTheDocumentedTriggerAsARaisedAlertClaimingP1() throws IOException {
        PagerDutyEvent event = PagerDutyEvent.of(sample("trigger-pagerduty-docs.json"), NOW);
        assertThat(event.action()).isEqualTo(PagerDutyEvent.Action.TRIGGER);
        assertThat(event.dedupKey()).isEqualTo("samplekeyhere");
        AlertRaised raised = (AlertRaised) event.alert();
        assertThat(raised.alertKey()).isEqualTo("samplekeyhere");
        assertThat(raised.source()).isEqualTo("pagerduty");
        assertThat(raised.service()).isEqualTo("mysql");
        assertThat(raised.title()).isEqualTo("DISK at 99% on machine prod-datapipe03.example.com");
        assertThat(raised.description()).isEqualTo("source prod-datapipe03.example.com, component mysql, group prod-datapipe, class disk");
        assertThat(raised.severity()).isEqualTo(Severity.P1);
        assertThat(raised.url()).isEqualTo("https://monitoring.example.com");
        assertThat(raised.raisedAt()).isEqualTo(Instant.parse("2015-07-17T08:42:58.315Z"));
    }

    @Test
    void shouldReadAlertmanagersTriggerWithServiceAndSignalsFromCustomDetails() throws IOException {
        AlertRaised raised = (AlertRaised) PagerDutyEvent.of(sample("trigger-alertmanager.json"), NOW).alert();
        assertThat(raised.service()).isEqualTo("ingest");
        assertThat(raised.severity()).isEqualTo(Severity.P2);
        assertThat(raised.signals().errorRatePct()).isEqualTo(35.0);
        assertThat(raised.raisedAt()).isEqualTo(NOW);
        assertThat(raised.url()).isEqualTo("http://127.0.0.1:9095/#/alerts?receiver=vigil");
    }

    @Test
    void shouldReadAcknowledgeAndResolveByDedupKey() throws IOException {
        PagerDutyEvent ack = PagerDutyEvent.of(sample("acknowledge.json"), NOW);
        assertThat(ack.action()).isEqualTo(PagerDutyEvent.Action.ACKNOWLEDGE);
        assertThat(ack.dedupKey()).isEqualTo("samplekeyhere");
        assertThat(ack.alert()).isNull();
        PagerDutyEvent resolve = PagerDutyEvent.of(sample("resolve.json"), NOW);
        assertThat(resolve.alert()).isEqualTo(new AlertResolved("samplekeyhere", "pagerduty", null, NOW));
    }

    @Test
    void shouldGiveATriggerWithoutDedupKeyANewKey() throws IOException {
        PagerDutyEvent event = PagerDutyEvent.of(json("""
                {"event_action":"trigger","payload":{"summary":"s","source":"db-1","severity":"warning"}}"""), NOW);
        assertThat(event.dedupKey()).hasSize(32).isEqualTo(event.alert().alertKey());
        assertThat(((AlertRaised) event.alert()).severity()).isNull();
        assertThat(((AlertRaised) event.alert()).service()).isEqualTo("db-1");
    }

    @ParameterizedTest
    @CsvSource({"critical,P1", "error,P2", "warning,", "info,"})
    void shouldClaimTheSeverityOfTheTable(String given, Severity claimed) throws IOException {
        AlertRaised raised = (AlertRaised) PagerDutyEvent.of(json("""
                {"event_action":"trigger","dedup_key":"k","payload":{"summary":"s","source":"db-1","severity":"%s"}}""".formatted(given)), NOW).alert();
        assertThat(raised.severity()).isEqualTo(claimed);
    }

    @Test
    void shouldListEveryFaultOfAnInvalidTrigger() {
        assertThatThrownBy(() -> PagerDutyEvent.of(sample("invalid-missing-summary-bad-severity.json"), NOW))
                .isInstanceOfSatisfying(PagerDutyEvent.Invalid.class, e -> assertThat(e.errors()).containsExactly(
                        "'payload.summary' is missing or blank",
                        "'payload.severity' is invalid (must be critical, error, warning or info)"));
    }

    @Test
    void shouldRefuseMalformedEvents() {
        assertThatThrownBy(() -> PagerDutyEvent.of(sample("invalid-resolve-without-dedup-key.json"), NOW))
                .isInstanceOfSatisfying(PagerDutyEvent.Invalid.class, e -> assertThat(e.errors())
                        .containsExactly("'dedup_key' is missing or blank (it is required to resolve)"));
        assertThatThrownBy(() -> PagerDutyEvent.of(sample("invalid-event-action.json"), NOW))
                .isInstanceOfSatisfying(PagerDutyEvent.Invalid.class, e -> assertThat(e.errors())
                        .containsExactly("'event_action' is invalid (must be trigger, acknowledge or resolve)"));
        assertThatThrownBy(() -> PagerDutyEvent.of(json("""
                {"event_action":"trigger","dedup_key":"inc-1","payload":"disk full"}"""), NOW))
                .isInstanceOfSatisfying(PagerDutyEvent.Invalid.class, e -> assertThat(e.errors()).containsExactly(
                        "'dedup_key' must not start with inc-, roster/ or deploy-window/",
                        "'payload' is missing or not an object (it is required to trigger)"));
        assertThatThrownBy(() -> PagerDutyEvent.of(json("""
                {"event_action":"trigger","dedup_key":"k","payload":{"summary":"s","source":"db","severity":"info",
                 "timestamp":"yesterday","custom_details":{"errorRatePct":"lots"}}}"""), NOW))
                .isInstanceOfSatisfying(PagerDutyEvent.Invalid.class, e -> assertThat(e.errors()).hasSize(2)
                        .anySatisfy(m -> assertThat(m).startsWith("'payload.custom_details' has a signal that is not a number"))
                        .contains("'payload.timestamp' is invalid (must be an ISO 8601 time with its offset)"));
        assertThatThrownBy(() -> PagerDutyEvent.of(json("[1,2]"), NOW)).isInstanceOf(PagerDutyEvent.Invalid.class);
        assertThatThrownBy(() -> PagerDutyEvent.of(json("{\"event_action\":\"resolve\",\"dedup_key\":\"" + "k".repeat(256) + "\"}"), NOW))
                .isInstanceOfSatisfying(PagerDutyEvent.Invalid.class, e -> assertThat(e.errors())
                        .containsExactly("'dedup_key' is longer than 255 characters"));
    }
}
