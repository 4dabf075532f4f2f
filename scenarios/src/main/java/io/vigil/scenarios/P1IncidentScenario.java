package io.vigil.scenarios;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.vigil.scenarios.DeployOwnershipScenario.expect;

/**
 * Scenario 2 (seed 001 §4, §7): Alertmanager fires a P1 for a service inside its deploy window. An incident opens;
 * the primary is paged at once, the secondary at 15 min, the deploy's owner at 30, the SRE lead and the PM at 60;
 * the incident's start, update and resolved messages arrive by e-mail and webhook in the seed's layout; the P1
 * requires a post-mortem of the owner, due in 72 h.
 */
public final class P1IncidentScenario {
    public static final String PRIMARY = "oncall-1";
    public static final String SECONDARY = "oncall-2";
    public static final List<String> REACHED = List.of(PRIMARY, SECONDARY, DeployOwnershipScenario.MERGER, "sre-lead", "product-manager");

    /** The incident and the first instant of each page, per person. */
    public record Incident(String incidentId, Instant openedAt) {
    }

    private final Stage stage;
    private final Narrator say;
    private final Alertmanager alertmanager;

    public P1IncidentScenario(Stage stage) {
        this.stage = stage;
        this.say = stage.narrator;
        this.alertmanager = new Alertmanager(stage.system.alertmanager());
    }

    /** Fires the alert in Alertmanager and waits for the incident and the primary's page. */
    public Incident fire(DeployOwnershipScenario.Deploy deploy) {
        JsonNode onCall = stage.call(stage.system.ownership(), "engineer", "GET", "/oncall/now", null).expect(200);
        expect(PRIMARY.equals(onCall.path("primary").asText()) && SECONDARY.equals(onCall.path("secondary").asText()),
                "make up's rotation has " + PRIMARY + " / " + SECONDARY + " on call this week", onCall);
        stage.reachByWebhook(REACHED.toArray(String[]::new));
        say.step(stage.clocks.now(), "webhooks of " + String.join(", ", REACHED) + " point at a local receiver " + stage.webhooks.urlOf("…"));

        Map<String, String> labels = labels(deploy);
        alertmanager.fire(labels, annotations(), Instant.now());
        say.step(stage.clocks.now(), "Prometheus-style alert posted to Alertmanager " + stage.system.alertmanager()
                + "/api/v2/alerts: " + labels);
        JsonNode incident = Await.until("an incident for " + deploy.service(), () -> incidentOf(deploy.service()));
        expect("P1".equals(incident.path("severity").asText()), "a global failure is P1", incident);
        expect(deploy.deployId().equals(incident.path("deployId").asText())
                && DeployOwnershipScenario.MERGER.equals(incident.path("deployOwner").asText()),
                "the incident knows the open window and its owner", incident);
        String id = incident.path("incidentId").asText();
        say.saw("incident " + id + " P1 (" + incident.path("policyRule").asText() + "), deploy " + deploy.deployId()
                + " owned by " + incident.path("deployOwner").asText());
        say.look(stage.system.escalation() + "/incidents/" + id);
        Incident opened = new Incident(id, Instant.parse(incident.path("openedAt").asText()));
        awaitPage(opened, PRIMARY, 0);
        WebhookInbox.Delivery start = awaitMessage(PRIMARY, "incident-start", id);
        say.saw("incident start message to " + PRIMARY + ":");
        say.block(start.text());
        Mailbox.Mail mail = Await.until("the incident start e-mail to the SRE lead", () -> stage.mail.of("sre-lead@vigil.local")
                .stream().filter(m -> m.subject().contains("INCIDENT") && m.subject().contains(deploy.service())).findFirst());
        say.saw("e-mail to " + mail.to() + ": " + mail.subject());
        return opened;
    }

    /** The ladder, minute by minute, with the clock moved to each step; returns the update message of T+30. */
    public String climbTheLadder(Incident incident) {
        pageAt(incident, Duration.ofMinutes(15), 1, SECONDARY);
        pageAt(incident, Duration.ofMinutes(30), 2, DeployOwnershipScenario.MERGER);
        WebhookInbox.Delivery update = awaitMessage(PRIMARY, "incident-update", incident.incidentId());
        say.saw("30 min: incident update to " + PRIMARY + ":");
        say.block(update.text());
        pageAt(incident, Duration.ofMinutes(60), 3, "sre-lead", "product-manager");
        return update.text();
    }

    /** On call resolves it; returns the resolved message, once the owner's post-mortem duty is there too. */
    public String resolve(Incident incident, DeployOwnershipScenario.Deploy deploy) {
        stage.call(stage.system.escalation(), PRIMARY, "POST", "/incidents/" + incident.incidentId() + "/resolve",
                Map.of("rootCause", "connection pool exhausted after the 1.42.0 deploy",
                        "resolution", "rolled back to 1.41.3 and raised the pool size")).expect(200);
        alertmanager.end(labels(deploy), annotations(), Instant.now().minusSeconds(60), Instant.now());
        WebhookInbox.Delivery resolved = awaitMessage(PRIMARY, "incident-resolved", incident.incidentId());
        say.step(stage.clocks.now(), PRIMARY + " resolves the incident; the resolved message:");
        say.block(resolved.text());
        Mailbox.Mail mail = Await.until("the resolved e-mail to the PM", () -> stage.mail.of("product-manager@vigil.local")
                .stream().filter(m -> m.subject().contains("RESOLVED") && m.subject().contains(deploy.service())).findFirst());
        say.saw("e-mail to " + mail.to() + ": " + mail.subject());
        JsonNode window = Await.until("the post-mortem duty on " + deploy.deployId(), () -> Optional.of(
                stage.call(stage.system.ownership(), "engineer", "GET", "/deploys/" + deploy.deployId(), null).expect(200))
                .filter(d -> d.path("postmortems").path("required").asInt() == 1));
        say.saw("post-mortem required of " + window.path("owner").asText() + " (deploy " + deploy.deployId() + ")");
        return resolved.text();
    }

    /** The post-mortem duty as the audit log holds it (vigil.postmortem.required.v1 on the deploy). */
    public JsonNode postmortemDuty(DeployOwnershipScenario.Deploy deploy) {
        JsonNode entry = Await.until("the audit log to hold the post-mortem duty", () -> {
            JsonNode items = stage.call(stage.system.audit(), "auditor", "GET", "/audit/entries?type=vigil.postmortem.required.v1&subject="
                    + deploy.deployId(), null).expect(200).path("items");
            return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
        });
        JsonNode duty = entry.path("payload");
        say.saw("audit entry " + entry.path("seq").asLong() + ": post-mortem by " + duty.path("owner").asText() + ", due "
                + duty.path("dueAt").asText() + ", " + duty.path("docPath").asText());
        return duty;
    }

    /** The incident's timeline as escalation-service shows it. */
    public JsonNode timeline(Incident incident) {
        JsonNode view = stage.call(stage.system.escalation(), "engineer", "GET", "/incidents/" + incident.incidentId(), null).expect(200);
        for (JsonNode row : view.path("timeline")) {
            say.saw(row.path("at").asText() + "  " + row.path("type").asText()
                    + (row.hasNonNull("step") ? " step " + row.path("step").asInt() : "")
                    + (row.hasNonNull("targets") ? " → " + row.path("targets").asText() : "")
                    + (row.hasNonNull("reason") ? " (" + row.path("reason").asText() + ")" : ""));
        }
        return view.path("timeline");
    }

    private void pageAt(Incident incident, Duration after, int step, String... people) {
        stage.clocks.advance(Duration.between(stage.clocks.now(), incident.openedAt().plus(after)));
        for (String person : people) {
            awaitPage(incident, person, step);
        }
    }

    private void awaitPage(Incident incident, String person, int step) {
        WebhookInbox.Delivery page = awaitMessage(person, "escalation-page", incident.incidentId());
        say.step(stage.clocks.now(), "T+" + Duration.between(incident.openedAt(), stage.clocks.now()).toMinutes()
                + " min: " + person + " paged (step " + step + "): " + page.text().lines().findFirst().orElse(""));
    }

    /** The first message of the template the person received about the incident, by webhook. */
    public WebhookInbox.Delivery awaitMessage(String person, String template, String incidentId) {
        return Await.until(template + " for " + person, () -> stage.webhooks.to(person).stream()
                .filter(d -> d.template().equals(template) && d.causationSubject().equals(incidentId)).findFirst());
    }

    private Optional<JsonNode> incidentOf(String service) {
        for (JsonNode i : stage.call(stage.system.escalation(), "engineer", "GET", "/incidents?status=open", null).expect(200)) {
            if (service.equals(i.path("service").asText())) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> labels(DeployOwnershipScenario.Deploy deploy) {
        return Map.of("alertname", "IngestionDown", "service", deploy.service(), "scope", "global");
    }

    private static Map<String, String> annotations() {
        return Map.of("summary", "Ingestion down: every upload fails with 503");
    }
}
