package io.vigil.escalation.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.events.Severity;
import io.vigil.events.alerts.AlertEvent;
import io.vigil.events.alerts.AlertRaised;
import io.vigil.events.alerts.AlertResolved;
import io.vigil.events.alerts.Signals;
import io.vigil.platform.problem.Problem;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Prometheus Alertmanager webhook notification (payload version 4) as alert events: one per alert of the group,
 * the alert's {@code fingerprint} as alert key, its own {@code status} (a "firing" group also lists resolved alerts),
 * {@code endsAt} as the resolution time. Service: label {@code service}, else {@code job}; title: annotation
 * {@code summary}, else label {@code alertname}; severity only when label {@code severity} is P1, P2 or P3; signals
 * from annotations (else labels) named as in the contract ({@code errorRatePct}, {@code circuitBreakerOpenSeconds},
 * {@code dataCorruptionSuspected}, {@code affectedClients}, {@code allClientsAffected}, {@code scope}). Unknown
 * fields are ignored.
 */
final class AlertmanagerNotification {
    static final String SOURCE = "alertmanager";

    private AlertmanagerNotification() {
    }

    /** @throws Problem 400 naming the field when the payload cannot be used */
    static List<AlertEvent> alerts(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw Problem.badRequest("body", "must be an Alertmanager webhook notification (a JSON object)");
        }
        if (!"4".equals(body.path("version").asText())) {
            throw Problem.badRequest("version", "must be \"4\", the Alertmanager webhook payload version this endpoint reads");
        }
        JsonNode alerts = body.path("alerts");
        if (!alerts.isArray() || alerts.isEmpty()) {
            throw Problem.badRequest("alerts", "must list at least one alert");
        }
        List<AlertEvent> events = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            events.add(alert(alerts.get(i), body.path("commonLabels"), "alerts[" + i + "]."));
        }
        return events;
    }

    private static AlertEvent alert(JsonNode a, JsonNode common, String at) {
        String key = required(a.path("fingerprint").asText(""), at + "fingerprint");
        JsonNode labels = a.path("labels");
        JsonNode annotations = a.path("annotations");
        String service = first(labels.path("service").asText(""), labels.path("job").asText(""), common.path("service").asText(""));
        required(service, at + "labels.service");
        return switch (a.path("status").asText("")) {
            case "firing" -> new AlertRaised(key, SOURCE, service,
                    required(first(annotations.path("summary").asText(""), labels.path("alertname").asText("")), at + "annotations.summary"),
                    blankToNull(annotations.path("description").asText("")), severity(labels.path("severity").asText("")),
                    signals(labels, annotations, at), blankToNull(a.path("generatorURL").asText("")),
                    instant(a.path("startsAt").asText(""), at + "startsAt"));
            case "resolved" -> new AlertResolved(key, SOURCE, service, instant(a.path("endsAt").asText(""), at + "endsAt"));
            default -> throw Problem.badRequest(at + "status", "must be firing or resolved");
        };
    }

    private static Signals signals(JsonNode labels, JsonNode annotations, String at) {
        try {
            return new Signals(number(value(labels, annotations, "errorRatePct"), Double::valueOf),
                    number(value(labels, annotations, "circuitBreakerOpenSeconds"), Long::valueOf),
                    flag(value(labels, annotations, "dataCorruptionSuspected")),
                    number(value(labels, annotations, "affectedClients"), Integer::valueOf),
                    flag(value(labels, annotations, "allClientsAffected")),
                    value(labels, annotations, "scope"));
        } catch (NumberFormatException e) {
            throw Problem.badRequest(at + "annotations", "a signal is not a number: " + e.getMessage());
        }
    }

    private static String value(JsonNode labels, JsonNode annotations, String name) {
        return blankToNull(first(annotations.path(name).asText(""), labels.path(name).asText("")));
    }

    private static <T> T number(String text, java.util.function.Function<String, T> parse) {
        return text == null ? null : parse.apply(text.trim());
    }

    private static Boolean flag(String text) {
        return text == null ? null : Boolean.valueOf(text.trim());
    }

    private static Severity severity(String label) {
        return switch (label) {
            case "P1", "P2", "P3" -> Severity.valueOf(label);
            default -> null;
        };
    }

    private static Instant instant(String text, String field) {
        try {
            return Instant.parse(required(text, field));
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(field, "must be an RFC 3339 time");
        }
    }

    private static String required(String text, String field) {
        if (text == null || text.isBlank()) {
            throw Problem.badRequest(field, "is required");
        }
        return text;
    }

    private static String first(String... texts) {
        for (String t : texts) {
            if (t != null && !t.isBlank()) {
                return t;
            }
        }
        return "";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
