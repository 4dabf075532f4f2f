package io.vigil.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 2 against the running system: Alertmanager → P1 incident → the ladder → messages → post-mortem duty. */
class P1IncidentScenarioIT {
    static Stage stage;

    @BeforeAll
    static void stage() {
        stage = new Stage(VigilSystem.local(), Narrator.to(System.out));
        stage.narrator.scenario("2. a P1 in a deploy's window");
    }

    @AfterAll
    static void close() {
        stage.close();
    }

    @Test
    void shouldOpenAP1FromAlertmanagerAndClimbTheLadderOnTime() {
        DeployOwnershipScenario.Deploy deploy = new DeployOwnershipScenario(stage).startDeploy(Stage.run());
        P1IncidentScenario scenario = new P1IncidentScenario(stage);
        P1IncidentScenario.Incident incident = scenario.fire(deploy);
        String update = scenario.climbTheLadder(incident);
        String resolved = scenario.resolve(incident, deploy);

        // the pages, each to its person at its minute (seed 001 §4.2): step → minutes after opening
        List<String> pages = new ArrayList<>();
        for (JsonNode row : scenario.timeline(incident)) {
            if (row.path("type").asText().equals("vigil.incident.escalated.v1")) {
                pages.add(row.path("step").asInt() + "@" + Duration.between(incident.openedAt(),
                        Instant.parse(row.path("at").asText())).toMinutes() + ":" + row.path("targets").asText());
            }
        }
        assertThat(pages).anySatisfy(p -> assertThat(p).startsWith("0@0:").contains(P1IncidentScenario.PRIMARY));
        assertThat(pages).anySatisfy(p -> assertThat(p).startsWith("1@15:").contains(P1IncidentScenario.SECONDARY));
        assertThat(pages).anySatisfy(p -> assertThat(p).startsWith("2@30:").contains(DeployOwnershipScenario.MERGER));
        assertThat(pages).anySatisfy(p -> assertThat(p).startsWith("3@60:").contains("sre-lead").contains("product-manager"));
        for (String person : P1IncidentScenario.REACHED) {
            assertThat(stage.webhooks.to(person)).as("pages to " + person)
                    .filteredOn(d -> d.template().equals("escalation-page") && d.causationSubject().equals(incident.incidentId()))
                    .isNotEmpty();
        }

        String start = scenario.awaitMessage(P1IncidentScenario.PRIMARY, "incident-start", incident.incidentId()).text();
        assertThat(start.lines().map(l -> l.replaceFirst(":.*", ":")).toList()).containsExactly(
                "🔴 INCIDENT:", "Time:", "Impact:", "Status:", "On-Call:", "Next update:");
        assertThat(start).contains(deploy.service()).contains("P1").contains(P1IncidentScenario.PRIMARY);
        assertThat(update.lines().map(l -> l.replaceFirst(":.*", ":")).toList()).containsExactly(
                "🟡 UPDATE:", "Time:", "Status:", "Findings:", "Next steps:", "Next update:");
        assertThat(resolved.lines().map(l -> l.replaceFirst(":.*", ":")).toList()).containsExactly(
                "🟢 RESOLVED:", "Time:", "Duration:", "Root cause:", "Resolution:", "Follow-up:");
        assertThat(resolved).contains("connection pool exhausted").contains("Follow-up: post-incident scheduled Y");

        JsonNode duty = scenario.postmortemDuty(deploy);
        assertThat(duty.path("owner").asText()).isEqualTo(DeployOwnershipScenario.MERGER);
        assertThat(duty.path("triggerRef").asText()).isEqualTo(incident.incidentId());
        assertThat(Duration.between(Instant.parse(duty.path("triggeredAt").asText()), Instant.parse(duty.path("dueAt").asText())))
                .isEqualTo(Duration.ofHours(72));
    }
}
