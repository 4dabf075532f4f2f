package io.vigil.system;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a row needs before its cells can succeed: a deploy owned by {@link MatrixCallers#OWNER}, a programme in P1, an
 * open incident, an active kill switch… Made through the services' own APIs by the callers allowed to make them.
 * A fixture that is used up by an allowed cell (a handoff, a sign-off, an acknowledgement) is made afresh per cell.
 */
final class MatrixFixtures {
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }
    }

    private final Map<String, String> urls;
    private final MatrixCallers callers;
    private final AccessMatrix matrix;
    private final Map<String, String> base;
    private final Map<String, Map<String, String>> shared = new HashMap<>();

    MatrixFixtures(Map<String, String> urls, MatrixCallers callers, AccessMatrix matrix, Map<String, String> base) {
        this.urls = urls;
        this.callers = callers;
        this.matrix = matrix;
        this.base = base;
    }

    static String uniq() {
        return UUID.randomUUID().toString().substring(0, 13);
    }

    Map<String, String> vars(String uniq) {
        Map<String, String> vars = new HashMap<>(base);
        vars.put("uniq", uniq);
        return vars;
    }

    /** The placeholders the fixture fills in (deployId, programId, …). */
    Map<String, String> prepare(String fixture) {
        return switch (fixture) {
            case "-" -> Map.of();
            case "deploy" -> Map.of("deployId", deploy(null));
            case "deploy-48h" -> Map.of("deployId", signableDeploy());
            case "deploy-postmortem" -> Map.of("deployId", deployOwingPostmortem());
            case "program-p1" -> Map.of("programId", programInP1());
            case "program-p1-vetoed" -> Map.of("programId", vetoedProgram());
            case "program-p1-planned" -> plannedRollback();
            case "incident" -> Map.of("incidentId", incident());
            case "switch-global-disable" -> Map.of("switchId", killSwitch("ks-global-disable"));
            case "switch-pause-short" -> Map.of("switchId", killSwitch("ks-pause-short-active"));
            case "deploy-shared" -> once(fixture, () -> Map.of("deployId", deploy(null)));
            case "program-shared" -> once(fixture, () -> Map.of("programId", program()));
            case "incident-shared" -> once(fixture, () -> Map.of("incidentId", incident()));
            case "switch-shared" -> once(fixture, () -> Map.of("switchId", killSwitch("ks-global-disable")));
            case "activation" -> once(fixture, this::activation);
            case "notification-admin" -> once(fixture, () -> Map.of("notificationId", testNotification("admin")));
            default -> throw new IllegalStateException("access-matrix.csv names an unknown fixture: " + fixture);
        };
    }

    private Map<String, String> once(String name, java.util.function.Supplier<Map<String, String>> make) {
        Map<String, String> made = shared.get(name);
        if (made == null) {
            made = make.get();
            shared.put(name, made);
        }
        return made;
    }

    /** A deploy merged (so owned) by the owner; {@code startedAt} null: now. */
    String deploy(Instant startedAt) {
        String u = uniq();
        String body = matrix.body("deploy-register", vars(u));
        if (startedAt != null) {
            body = body.substring(0, body.length() - 1) + ",\"startedAt\":\"" + startedAt + "\"}";
        }
        call("engineer", "ownership", "POST", "/deploys", body, 201);
        return "dep-matrix-" + u;
    }

    /**
     * Started 49 h ago, with the T48 checklist done by the owner: only the sign-off is left. The window's overdue
     * timers (missed checks and checkpoints) fire at once; the fixture waits for them, so that the cell's request
     * meets a settled window.
     */
    private String signableDeploy() {
        String id = deploy(Instant.now().minus(Duration.ofHours(49)).truncatedTo(ChronoUnit.SECONDS));
        await("the overdue timers of " + id, Duration.ofSeconds(60), () -> noTimerDue(id));
        call("owner", "ownership", "POST", "/deploys/" + id + "/checkpoints/T48", """
                {"items": {"zero-critical-incidents": true, "metrics-baseline-established": true,
                           "sign-off-comment-posted": true, "owner-responsibility-released": true}}""", 200);
        return id;
    }

    private boolean noTimerDue(String aggregateId) {
        Instant now = Instant.now();
        for (JsonNode timer : call("admin", "ownership", "GET", "/admin/timers?state=pending&limit=1000", null, 200).json()) {
            if (aggregateId.equals(timer.path("aggregateId").asText()) && !Instant.parse(timer.path("dueAt").asText()).isAfter(now)) {
                return false;
            }
        }
        return true;
    }

    private String deployOwingPostmortem() {
        String id = deploy(null);
        call("ingestion-owner", "ownership", "POST", "/deploys/" + id + "/interventions", null, 200);
        return id;
    }

    private String program() {
        String u = uniq();
        call("admin", "ownership", "POST", "/programs", matrix.body("program-create", vars(u)), 201);
        return "prog-matrix-" + u;
    }

    private String programInP1() {
        String id = program();
        JsonNode after = call("ingestion-owner", "ownership", "POST", "/programs/" + id + "/gates/P1/approve", null, 200).json();
        if (!"P1".equals(after.path("phase").asText())) {
            throw new Failed(id + " did not advance to P1: " + after);
        }
        return id;
    }

    private String vetoedProgram() {
        String id = programInP1();
        for (String approver : new String[] {"ingestion-owner", "product-manager"}) {
            call(approver, "ownership", "POST", "/programs/" + id + "/gates/P2/veto", matrix.body("veto", vars(uniq())), 200);
        }
        return id;
    }

    private Map<String, String> plannedRollback() {
        String id = programInP1();
        JsonNode rollback = call("ingestion-owner", "ownership", "POST", "/programs/" + id + "/rollbacks",
                matrix.body("rollback-planned", vars(uniq())), 202).json();
        return Map.of("programId", id, "rollbackId", rollback.path("rollbackId").asText());
    }

    /** An alert from the monitoring system's account opens a P3 incident on a service without a deploy window. */
    String incident() {
        String key = "alert-fixture-" + uniq();
        call(MatrixCallers.PUBLISHER, "escalation", "POST", "/alerts", """
                {"alertKey": "%s", "status": "firing", "source": "matrix-monitor", "service": "matrix-alerts", "title": "fixture"}"""
                .formatted(key), 202);
        JsonNode open = call("admin", "escalation", "GET", "/incidents?status=open", null, 200).json();
        for (JsonNode incident : open) {
            for (JsonNode alert : incident.path("alerts")) {
                if (key.equals(alert.path("alertKey").asText())) {
                    return incident.path("incidentId").asText();
                }
            }
        }
        throw new Failed("no open incident holds alert " + key);
    }

    private String killSwitch(String body) {
        JsonNode made = call("on-call", "escalation", "POST", "/kill-switches", matrix.body(body, vars(uniq())), 201).json();
        return made.path("switchId").asText();
    }

    /** The audit log's record of a switch made for the matrix (the audit service reads only what happens from its start). */
    private Map<String, String> activation() {
        String switchId = prepare("switch-shared").get("switchId");
        await("the activation of " + switchId + " in the audit log", Duration.ofSeconds(60),
                () -> call("admin", "audit", "GET", "/audit/activations/" + switchId, null, -1).status() == 200);
        return Map.of("switchId", switchId);
    }

    String testNotification(String caller) {
        return call(caller, "notification", "POST", "/notifications/test", null, 202).json().path("notificationIds").path(0).asText();
    }

    /**
     * {@code expected} -1: any status. A fixture is not what the matrix tests: a 5xx or an optimistic-concurrency 409
     * ("reload and retry") is tried again (twice) and told on the console — e.g. a command that deadlocked with the
     * timer poller over the same aggregate's timers.
     */
    MatrixHttp.Answer call(String caller, String service, String method, String path, String body, int expected) {
        MatrixHttp.Answer answer = MatrixHttp.send(urls.get(service), method, path, callers.token(caller), body);
        for (int retry = 1; retry <= 2 && (answer.status() >= 500 || "optimistic-concurrency".equals(answer.json().path("rule").asText())); retry++) {
            System.out.println("fixture: " + method + " " + path + " answered " + answer.brief() + "; trying again");
            answer = MatrixHttp.send(urls.get(service), method, path, callers.token(caller), body);
        }
        if (expected != -1 && answer.status() != expected) {
            throw new Failed(caller + " " + method + " " + path + " → " + answer.brief() + " (fixture needs " + expected + ")");
        }
        return answer;
    }

    static void await(String what, Duration within, java.util.function.BooleanSupplier done) {
        Instant deadline = Instant.now().plus(within);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new Failed(what + ": not within " + within);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
