package io.vigil.scenarios;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.vigil.scenarios.DeployOwnershipScenario.expect;

/**
 * Scenario 4: what Vigil refuses, and how. An engineer not on call may not disable everything (403 naming the
 * rule); an auditor reads but never writes (403); no token, a token of another issuer and a forged expired one are
 * 401; a malformed CloudEvent is dead-lettered with its reason and the next good event goes through.
 */
public final class RefusalsScenario {
    private final Stage stage;
    private final Narrator say;

    public RefusalsScenario(Stage stage) {
        this.stage = stage;
        this.say = stage.narrator;
    }

    /** The answers, refusal by refusal ("what → status rule"), for the narrator and the test. */
    public Map<String, Http.Answer> refuse(String run) {
        Map<String, Http.Answer> answers = new LinkedHashMap<>();
        JsonNode onCall = stage.call(stage.system.ownership(), "engineer", "GET", "/oncall/now", null).expect(200);
        expect(!"engineer".equals(onCall.path("primary").asText()) && !"engineer".equals(onCall.path("secondary").asText()),
                "the engineer is not on call", onCall);
        answers.put("engineer (not on call) asks for a global disable", stage.call(stage.system.escalation(), "engineer",
                "POST", "/kill-switches", Map.of("action", "global-disable", "scope", "global", "scenario", "error-rate-above-20",
                        "reason", "error rate at 25 % everywhere", "severity", "P1")));
        answers.put("auditor starts a deploy", stage.call(stage.system.ownership(), "auditor", "POST", "/deploys",
                Map.of("service", "audit-" + run, "version", "1", "environment", "production", "mergedBy", "auditor",
                        "prUrl", "https://git.example.com/x/pull/1", "stagingReportPassed", true,
                        "rollbackPlanUrl", "https://git.example.com/x/wiki/rollback")));
        answers.put("auditor raises an alert", stage.call(stage.system.escalation(), "auditor", "POST", "/alerts",
                Map.of("alertKey", "auditor-" + run, "status", "firing", "source", "manual", "service", "x", "title", "t",
                        "signals", Map.of())));
        for (var service : Map.of("ownership", stage.system.ownership(), "escalation", stage.system.escalation(),
                "notification", stage.system.notification(), "audit", stage.system.audit()).entrySet()) {
            String path = switch (service.getKey()) {
                case "ownership" -> "/deploys";
                case "escalation" -> "/incidents";
                case "notification" -> "/notifications";
                default -> "/audit/entries";
            };
            answers.put(service.getKey() + " without a token", Http.get(service.getValue(), path, null));
            answers.put(service.getKey() + " with a master-realm token",
                    Http.get(service.getValue(), path, ForeignTokens.masterRealm(stage.system.keycloakRealm())));
            answers.put(service.getKey() + " with a forged, expired admin token",
                    Http.get(service.getValue(), path, ForeignTokens.forgedExpired(stage.system.keycloakRealm())));
        }
        answers.forEach((what, a) -> say.saw(what + " → " + a.status() + (a.text("rule") != null ? " " + a.text("rule") : "")));
        return answers;
    }

    /** A malformed CloudEvent on vigil.alerts: its dead letter, then a good alert that still opens an incident. */
    public List<String> malformedEvent(String run) {
        List<String> seen = new ArrayList<>();
        String key = "malformed-" + run;
        try (DeadLetterWatch watch = new DeadLetterWatch(stage.system.kafka())) {
            stage.ci.publishRaw("vigil.alerts", key, "{\"specversion\":\"1.0\",\"type\":\"vigil.alert.raised.v1\",\"data\":{");
            DeadLetterWatch.DeadLetter dead = watch.awaitKey(key);
            expect(!dead.reason().isBlank(), "a dead letter says why", dead.headers());
            say.saw("dead letter from " + dead.headers().get("dead-letter-consumer") + ": " + dead.reason());
            seen.add(dead.reason());
        }
        Instant now = stage.clocks.now();
        String service = "refusals-" + run;
        stage.ci.publish("vigil.alerts", "vigil.alert.raised.v1", service + ":latency", now, Stage.CI_ACCOUNT, Map.of(
                "alertKey", service + ":latency", "source", "scenario", "service", service, "title", "Latency high",
                "signals", Map.of("errorRatePct", 2.0), "raisedAt", now.toString()));
        JsonNode incident = Await.until("the good alert after the bad one to open an incident", () -> {
            for (JsonNode i : stage.call(stage.system.escalation(), "engineer", "GET", "/incidents?status=all", null).expect(200)) {
                if (service.equals(i.path("service").asText())) {
                    return Optional.of(i);
                }
            }
            return Optional.empty();
        });
        say.saw("the next good alert still opened " + incident.path("incidentId").asText() + " (" + incident.path("severity").asText() + ")");
        seen.add(incident.path("incidentId").asText());
        return seen;
    }
}
