package io.vigil.scenarios;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scenario 1 (seed 000): a CI system announces a production deploy as a CloudEvent; the engineer who merged it
 * owns its 48-hour window; checks fall due every 15 minutes at first and a missed one tells the owner; the owner
 * hands off with a reason; there is exactly one owner at every instant; the sign-off at T+48 releases it.
 */
public final class DeployOwnershipScenario {
    public static final String MERGER = "engineer";
    public static final String NEXT_OWNER = "oncall-3";

    /** What the scenario leaves behind for the next one (scenario 2 raises an alert on this service). */
    public record Deploy(String deployId, String service, Instant startedAt) {
    }

    private final Stage stage;
    private final Narrator say;

    public DeployOwnershipScenario(Stage stage) {
        this.stage = stage;
        this.say = stage.narrator;
    }

    /** Starts the deploy and waits until its owner is assigned. */
    public Deploy startDeploy(String run) {
        // the services keep microseconds: a start in whole milliseconds compares exactly
        Instant t0 = stage.clocks.align().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String service = "checkout-" + run;
        String deployId = "dep-" + run;
        say.step(t0, "CI publishes vigil.deploy.started.v1 on vigil.deploys (structured CloudEvent, merged by " + MERGER + ")");
        stage.ci.publish("vigil.deploys", "vigil.deploy.started.v1", deployId, t0, Stage.CI_ACCOUNT, Map.of(
                "deployId", deployId, "service", service, "version", "1.42.0", "environment", "production",
                "mergedBy", MERGER, "prUrl", "https://git.example.com/shop/" + service + "/pull/142",
                "stagingReportPassed", true,
                "rollbackPlanUrl", "https://git.example.com/shop/" + service + "/wiki/rollback", "startedAt", t0.toString()));
        JsonNode deploy = Await.until("ownership-service to assign " + deployId,
                () -> Optional.of(deploy(deployId, Stage.CI_ACCOUNT)).filter(d -> d.hasNonNull("owner")));
        expect(MERGER.equals(deploy.path("owner").asText()), "the merger owns the window", deploy);
        expect(Instant.parse(deploy.path("windowEndsAt").asText()).equals(t0.plus(Duration.ofHours(48))),
                "the window ends at T+48 h", deploy);
        say.saw("owner " + MERGER + ", window until " + deploy.path("windowEndsAt").asText()
                + (deploy.path("violations").isEmpty() ? "" : ", flagged " + deploy.path("violations")));
        say.look(stage.system.ownership() + "/deploys/" + deployId);
        return new Deploy(deployId, service, t0);
    }

    /** The window lived to its end: checks, a missed one, a handoff, the T48 checklist and the sign-off. */
    public void liveTheWindow(Deploy d) {
        String path = "/deploys/" + d.deployId();
        JsonNode checked = call(MERGER, "POST", path + "/checks", Map.of("note", "dashboards green")).expect(200);
        Instant due = Instant.parse(checked.path("nextCheckDueAt").asText());
        expect(Duration.between(Instant.parse(checked.path("lastCheckAt").asText()), due).equals(Duration.ofMinutes(15)),
                "in the first 4 h a check is due 15 min after the last", checked);
        say.step(stage.clocks.now(), MERGER + " records a check; the next is due at " + due + " (15 min cadence)");

        // missed at due + a quarter of the interval (3 min 45 s): still in grace at +3 min, missed at +4 min
        stage.clocks.advance(Duration.between(stage.clocks.now(), due.plus(Duration.ofMinutes(3))));
        expect(deploy(d.deployId(), MERGER).path("missedChecks").asInt() == 0, "no miss inside the grace", null);
        Instant late = stage.clocks.advance(Duration.ofMinutes(1));
        JsonNode missed = Await.until("the check to be reported missed",
                () -> Optional.of(deploy(d.deployId(), MERGER)).filter(x -> x.path("missedChecks").asInt() == 1));
        say.step(late, "no check by due + 3 min 45 s: check.missed (missedChecks " + missed.path("missedChecks").asInt() + ")");
        Mailbox.Mail notice = Await.until("the owner's check-missed e-mail", () -> stage.mail.of(MERGER + "@vigil.local")
                .stream().filter(m -> m.subject().startsWith("⏰ CHECK MISSED:") && m.subject().contains(d.deployId())).findFirst());
        say.saw("e-mail to " + notice.to() + ": " + notice.subject());

        Http.Answer noReason = call(MERGER, "POST", path + "/handoff", Map.of("to", NEXT_OWNER));
        expect(noReason.status() == 409 && "ownership.handoff".equals(noReason.text("rule")), "a handoff needs a reason", noReason.body());
        JsonNode handed = call(MERGER, "POST", path + "/handoff",
                Map.of("to", NEXT_OWNER, "reason", "going on leave tomorrow")).expect(200);
        expect(NEXT_OWNER.equals(handed.path("owner").asText()), "the new owner holds the window", handed);
        say.step(stage.clocks.now(), MERGER + " hands off to " + NEXT_OWNER + " (reason given; without one: 409 ownership.handoff)");
        Http.Answer former = call(MERGER, "POST", path + "/checks", Map.of());
        expect(former.status() == 403, "the former owner may no longer check in", former.body());
        say.saw("the former owner's check is refused: 403 " + former.text("rule"));

        Instant t48 = d.startedAt().plus(Duration.ofHours(48));
        stage.clocks.advance(Duration.between(stage.clocks.now(), t48.minusSeconds(60)));
        Http.Answer early = call(NEXT_OWNER, "POST", path + "/sign-off", Map.of("comment", "stable"));
        expect(early.status() == 409 && "ownership.sign-off".equals(early.text("rule")), "no sign-off before T+48", early.body());
        say.step(stage.clocks.now(), "T+47:59 — sign-off refused: 409 ownership.sign-off");
        stage.clocks.advance(Duration.between(stage.clocks.now(), t48).plusSeconds(1));
        call(NEXT_OWNER, "POST", path + "/checkpoints/T48", Map.of("items", Map.of("metrics-baseline-established", true))).expect(200);
        JsonNode released = call(NEXT_OWNER, "POST", path + "/sign-off",
                Map.of("comment", "stable for 48 h, baseline established")).expect(200);
        expect(released.hasNonNull("releasedAt") && NEXT_OWNER.equals(released.path("signedOffBy").asText()),
                "the sign-off releases the window", released);
        say.step(stage.clocks.now(), "T+48 — T48 checklist done, " + NEXT_OWNER + " signs off: released at " + released.path("releasedAt").asText());
    }

    /** The owners in the order the audit log recorded them: exactly one at every instant, each handoff from the one before. */
    public List<String> ownersInTheAuditLog(Deploy d) {
        List<JsonNode> entries = Await.until("the audit log to hold the release of " + d.deployId(), () -> {
            List<JsonNode> items = new ArrayList<>();
            stage.call(stage.system.audit(), "auditor", "GET", "/audit/entries?subject=" + d.deployId() + "&limit=500", null)
                    .expect(200).path("items").forEach(items::add);
            return items.stream().anyMatch(e -> e.path("type").asText().equals("vigil.ownership.released.v1"))
                    ? Optional.of(items) : Optional.empty();
        });
        List<String> owners = new ArrayList<>();
        for (JsonNode e : entries) {
            JsonNode data = e.path("payload");
            switch (e.path("type").asText()) {
                case "vigil.ownership.assigned.v1" -> {
                    expect(owners.isEmpty(), "one assignment per deploy", e);
                    owners.add(data.path("owner").asText());
                }
                case "vigil.ownership.handed-off.v1" -> {
                    expect(!owners.isEmpty() && owners.getLast().equals(data.path("from").asText()),
                            "a handoff passes the window from its owner of the moment", e);
                    owners.add(data.path("to").asText());
                }
                case "vigil.ownership.released.v1" -> owners.add("(released)");
                default -> { }
            }
        }
        say.saw("audit log, subject " + d.deployId() + ": owners " + String.join(" → ", owners));
        say.look(stage.system.audit() + "/audit/entries?subject=" + d.deployId() + " (role auditor)");
        return owners;
    }

    private JsonNode deploy(String deployId, String asUser) {
        return call(asUser, "GET", "/deploys/" + deployId, null).expect(200);
    }

    private Http.Answer call(String user, String method, String path, Object body) {
        return stage.call(stage.system.ownership(), user, method, path, body);
    }

    static void expect(boolean holds, String rule, Object evidence) {
        if (!holds) {
            throw new AssertionError(rule + (evidence != null ? " — got " + evidence : ""));
        }
    }
}
