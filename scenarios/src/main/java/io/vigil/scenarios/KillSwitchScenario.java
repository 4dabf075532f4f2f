package io.vigil.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.audit.verifier.OfflineVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.vigil.scenarios.DeployOwnershipScenario.expect;

/**
 * Scenario 3 (seed 001 §2.2, §5): the on-call engineer pauses one workspace whose error rate is above 10 %. The
 * switch is active at once, the ingestion owner's approval is due within 15 minutes and the PM is told within 15;
 * the owner approves; on call resumes with a passing test upload. The audit log's activation record holds all
 * seven fields of §5.2, and the chain, an inclusion proof and the offline verifier on an export all verify.
 */
public final class KillSwitchScenario {
    public static final String ON_CALL = P1IncidentScenario.PRIMARY;
    public static final String OWNER = "ingestion-owner";
    public static final String PM = "product-manager";

    /** What the auditor found at the end. */
    public record Audited(JsonNode activation, JsonNode serverVerify, boolean inclusion, OfflineVerifier.Report offline) {
    }

    private final Stage stage;
    private final Narrator say;

    public KillSwitchScenario(Stage stage) {
        this.stage = stage;
        this.say = stage.narrator;
    }

    /** On call pauses the workspace; returns the 201 answer. */
    public JsonNode activate(String run) {
        stage.reachByWebhook(OWNER, PM);
        String scope = "workspace:acme-" + run;
        Instant now = stage.clocks.align();
        JsonNode active = switches(ON_CALL, "POST", "/kill-switches", Map.of("action", "pause", "scope", scope,
                "scenario", "error-rate-above-10", "reason", "5xx at 12 % for acme since the 1.42.0 deploy",
                "severity", "P2", "durationMinutes", 30)).expect(201);
        String id = active.path("switchId").asText();
        expect("active".equals(active.path("status").asText()), "error rate above 10 %: active at once", active);
        expect(active.path("approvalsRequired").toString().contains(OWNER), "the ingestion owner must approve", active);
        Instant due = Instant.parse(active.path("approvalDueAt").asText());
        expect(!due.isBefore(now.plus(Duration.ofMinutes(15))) && due.isBefore(now.plus(Duration.ofMinutes(16))),
                "the owner's approval is due 15 min after activation", active);
        say.step(now, ON_CALL + " pauses " + scope + " (error-rate-above-10): 201 active, approval of " + OWNER
                + " due " + due + ", notify " + active.path("notify"));
        JsonNode state = switches(Stage.CI_ACCOUNT, "GET", "/kill-switches/state?scope=" + scope, null).expect(200);
        expect(state.path("paused").asBoolean(), "the scope is paused for the systems that obey it", state);
        say.saw("GET /kill-switches/state?scope=" + scope + " (as the CI service account) → " + state);
        WebhookInbox.Delivery notice = Await.until("the PM's kill-switch notice", () -> stage.webhooks.to(PM).stream()
                .filter(d -> d.template().startsWith("killswitch") && d.causationSubject().equals(id)).findFirst());
        say.saw("the PM was told (by webhook):");
        say.block(notice.text());
        return active;
    }

    /** The owner approves; on call resumes with a passing test upload. */
    public void approveAndResume(JsonNode active) {
        String id = active.path("switchId").asText();
        String scope = active.path("scope").asText(null);
        switches(OWNER, "POST", "/kill-switches/" + id + "/approve", Map.of("comment", "agreed, keep it paused")).expect(200);
        say.step(stage.clocks.now(), OWNER + " approves within the 15 min");
        Http.Answer resumed = switches(ON_CALL, "POST", "/kill-switches/" + id + "/resume",
                Map.of("verification", Map.of("testUploadPassed", true)));
        expect(resumed.ok(), "on call resumes a short pause with a passing test upload", resumed.text());
        say.step(stage.clocks.now(), ON_CALL + " resumes it (test upload passed): " + resumed.status());
        JsonNode view = switches(ON_CALL, "GET", "/kill-switches/" + id, null).expect(200);
        say.saw("switch " + id + ": " + view.path("status").asText());
        if (scope != null) {
            JsonNode state = switches(Stage.CI_ACCOUNT, "GET", "/kill-switches/state?scope=" + scope, null).expect(200);
            expect(!state.path("paused").asBoolean(), "the scope runs again", state);
        }
        say.look(stage.system.escalation() + "/kill-switches/" + id);
    }

    /** The auditor's view: the activation record, then the log checked three ways. */
    public Audited audit(String switchId) {
        JsonNode activation = Await.until("a complete activation record for " + switchId, Duration.ofSeconds(60), () -> {
            Http.Answer a = stage.call(stage.system.audit(), "auditor", "GET", "/audit/activations/" + switchId, null);
            return a.status() == 200 && a.body().path("complete").asBoolean() && a.body().hasNonNull("resumedAt")
                    ? Optional.of(a.body()) : Optional.empty();
        });
        say.saw("activation log record (" + stage.system.audit() + "/audit/activations/" + switchId + "):");
        for (String field : new String[]{"timestamp", "activatedBy", "reason", "severity", "scope", "approval", "notificationSentTo"}) {
            say.block(field + ": " + activation.path(field).path("value"));
        }
        AuditorChecks auditor = new AuditorChecks(stage);
        JsonNode head = auditor.treeHead();
        JsonNode verify = auditor.serverVerify();
        long seq = activation.path("timestamp").path("seqs").path(0).asLong();
        boolean inclusion = auditor.inclusionVerifies(seq, head);
        OfflineVerifier.Report offline = auditor.offlineVerify(head);
        say.saw("GET /audit/verify → " + verify);
        say.saw("inclusion proof of entry " + seq + " in the signed tree of " + head.path("treeSize").asLong() + " entries: "
                + (inclusion ? "verifies" : "DOES NOT VERIFY"));
        say.saw("offline verifier on the export: valid=" + offline.valid() + ", " + offline.checked() + " entries");
        return new Audited(activation, verify, inclusion, offline);
    }

    private Http.Answer switches(String user, String method, String path, Object body) {
        return stage.call(stage.system.escalation(), user, method, path, body);
    }
}
