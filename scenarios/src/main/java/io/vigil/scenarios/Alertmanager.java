package io.vigil.scenarios;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Prometheus Alertmanager of make up, spoken to through its own API (/api/v2/alerts) as Prometheus would. */
public final class Alertmanager {
    private final URI api;

    public Alertmanager(URI api) {
        this.api = api;
    }

    /** Fires an alert; Alertmanager groups it and posts it to escalation-service by itself. */
    public void fire(Map<String, String> labels, Map<String, String> annotations, Instant startsAt) {
        post(labels, annotations, startsAt, null);
    }

    /** The same alert, ended: Alertmanager sends it as resolved. */
    public void end(Map<String, String> labels, Map<String, String> annotations, Instant startsAt, Instant endsAt) {
        post(labels, annotations, startsAt, endsAt);
    }

    private void post(Map<String, String> labels, Map<String, String> annotations, Instant startsAt, Instant endsAt) {
        Map<String, Object> alert = endsAt == null
                ? Map.of("labels", labels, "annotations", annotations, "startsAt", startsAt.toString())
                : Map.of("labels", labels, "annotations", annotations, "startsAt", startsAt.toString(), "endsAt", endsAt.toString());
        Http.Answer answer = Http.post(api, "/api/v2/alerts", null, List.of(alert));
        if (!answer.ok()) {
            throw new AssertionError("Alertmanager refused the alert: " + answer.status() + " " + answer.text());
        }
    }
}
