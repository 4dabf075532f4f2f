package io.vigil.escalation.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.escalation.domain.Alert;
import io.vigil.escalation.domain.PagerDutySeverity;
import io.vigil.events.alerts.AlertEvent;
import io.vigil.events.alerts.AlertRaised;
import io.vigil.events.alerts.AlertResolved;
import io.vigil.events.alerts.Signals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Function;

/**
 * A PagerDuty Events API v2 alert event ({@code event_action} trigger, acknowledge or resolve) as what it means here:
 * {@code dedup_key} is the alert key (a trigger without one gets a new key, as PagerDuty gives); a trigger is an
 * {@code alert.raised} (title = {@code payload.summary}, service = {@code custom_details.service}, else
 * {@code payload.component}, else {@code payload.group}, else {@code payload.source}; severity claimed by
 * {@link PagerDutySeverity}; signals from {@code custom_details} named as in the contract; url = {@code client_url});
 * a resolve is an {@code alert.resolved}; an acknowledge acknowledges the incident the alert belongs to. Unknown
 * fields are ignored. Every fault is listed, worded as PagerDuty words its {@code errors}.
 */
record PagerDutyEvent(Action action, String dedupKey, AlertEvent alert) {
    static final String SOURCE = "pagerduty";
    private static final int MAX_KEY = 255;
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    enum Action { TRIGGER, ACKNOWLEDGE, RESOLVE }

    /** The event cannot be used; {@code errors} says why, one line per fault. */
    static final class Invalid extends RuntimeException {
        private final List<String> errors;

        Invalid(List<String> errors) {
            super(String.join("; ", errors));
            this.errors = List.copyOf(errors);
        }

        List<String> errors() {
            return errors;
        }
    }

    /** @throws Invalid listing every fault of the event */
    static PagerDutyEvent of(JsonNode body, Instant now) {
        if (body == null || !body.isObject()) {
            throw new Invalid(List.of("Event object must be a JSON object"));
        }
        List<String> errors = new ArrayList<>();
        Action action = action(body.path("event_action"), errors);
        String key = text(body.path("dedup_key"));
        if (key == null && action == Action.TRIGGER) {
            key = UUID.randomUUID().toString().replace("-", "");
        } else if (key == null && action != null) {
            errors.add("'dedup_key' is missing or blank (it is required to " + action.name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        if (key != null && key.length() > MAX_KEY) {
            errors.add("'dedup_key' is longer than " + MAX_KEY + " characters");
        } else if (key != null && !Alert.isUsableKey(key)) {
            errors.add("'dedup_key' must not start with inc-, roster/ or deploy-window/");
        }
        AlertEvent alert = null;
        if (action == Action.TRIGGER) {
            alert = raised(key, body, now, errors);
        } else if (action == Action.RESOLVE) {
            alert = new AlertResolved(key, SOURCE, null, now);
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return new PagerDutyEvent(action, key, alert);
    }

    private static Action action(JsonNode node, List<String> errors) {
        String value = text(node);
        if (value == null) {
            errors.add("'event_action' is missing or blank");
            return null;
        }
        return switch (value) {
            case "trigger" -> Action.TRIGGER;
            case "acknowledge" -> Action.ACKNOWLEDGE;
            case "resolve" -> Action.RESOLVE;
            default -> {
                errors.add("'event_action' is invalid (must be trigger, acknowledge or resolve)");
                yield null;
            }
        };
    }

    private static AlertRaised raised(String key, JsonNode body, Instant now, List<String> errors) {
        JsonNode payload = body.path("payload");
        if (!payload.isObject()) {
            errors.add("'payload' is missing or not an object (it is required to trigger)");
            return null;
        }
        String summary = text(payload.path("summary"));
        if (summary == null) {
            errors.add("'payload.summary' is missing or blank");
        } else if (summary.length() > 1024) {
            errors.add("'payload.summary' is longer than 1024 characters");
        }
        String source = text(payload.path("source"));
        if (source == null) {
            errors.add("'payload.source' is missing or blank");
        }
        PagerDutySeverity severity = null;
        String severityText = text(payload.path("severity"));
        if (severityText == null) {
            errors.add("'payload.severity' is missing or blank");
        } else {
            severity = PagerDutySeverity.of(severityText).orElse(null);
            if (severity == null) {
                errors.add("'payload.severity' is invalid (must be critical, error, warning or info)");
            }
        }
        JsonNode details = payload.path("custom_details");
        String service = first(text(details.path("service")), text(payload.path("component")), text(payload.path("group")), source);
        Signals signals = signals(details, errors);
        Instant raisedAt = timestamp(payload.path("timestamp"), now, errors);
        return new AlertRaised(key, SOURCE, service, summary, description(payload, details),
                severity == null ? null : severity.claims(), signals, text(body.path("client_url")), raisedAt);
    }

    private static String description(JsonNode payload, JsonNode details) {
        String given = text(details.path("description"));
        if (given != null) {
            return given;
        }
        StringJoiner d = new StringJoiner(", ");
        for (String field : List.of("source", "component", "group", "class")) {
            String value = text(payload.path(field));
            if (value != null) {
                d.add(field + " " + value);
            }
        }
        return d.length() == 0 ? null : d.toString();
    }

    private static Signals signals(JsonNode details, List<String> errors) {
        if (!details.isObject()) {
            return Signals.none();
        }
        try {
            return new Signals(number(details, "errorRatePct", Double::valueOf), number(details, "circuitBreakerOpenSeconds", Long::valueOf),
                    flag(details, "dataCorruptionSuspected"), number(details, "affectedClients", Integer::valueOf),
                    flag(details, "allClientsAffected"), text(details.path("scope")));
        } catch (NumberFormatException e) {
            errors.add("'payload.custom_details' has a signal that is not a number: " + e.getMessage());
            return null;
        }
    }

    private static <T> T number(JsonNode details, String name, Function<String, T> parse) {
        String text = text(details.path(name));
        return text == null ? null : parse.apply(text.trim());
    }

    private static Boolean flag(JsonNode details, String name) {
        String text = text(details.path(name));
        return text == null ? null : Boolean.valueOf(text.trim());
    }

    private static Instant timestamp(JsonNode node, Instant now, List<String> errors) {
        String text = text(node);
        if (text == null) {
            return now;
        }
        try {
            return OffsetDateTime.parse(text, TIMESTAMP).toInstant();
        } catch (DateTimeParseException e) {
            errors.add("'payload.timestamp' is invalid (must be an ISO 8601 time with its offset)");
            return now;
        }
    }

    /** A scalar's text, or null when it is missing, null, blank or not a scalar. */
    private static String text(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
            return null;
        }
        String t = node.asText();
        return t.isBlank() ? null : t;
    }

    private static String first(String... texts) {
        for (String t : texts) {
            if (t != null) {
                return t;
            }
        }
        return null;
    }
}
