package io.vigil.notification.templates;

import io.vigil.events.DutyRole;
import io.vigil.events.Severity;
import io.vigil.events.Target;
import io.vigil.events.incidents.EscalationAction;
import io.vigil.events.incidents.IncidentEscalated;
import io.vigil.events.incidents.IncidentResolved;
import io.vigil.events.incidents.IncidentUpdateDue;
import io.vigil.notification.domain.IncidentFacts;
import io.vigil.notification.domain.IncidentLog;
import io.vigil.notification.domain.MessageTemplate;
import io.vigil.events.incidents.IncidentAcknowledged;
import io.vigil.events.incidents.IncidentOpened;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The messages laid out as seed 001 §7.3 shows them, line by line. */
class IncidentTemplatesTest {
    static final Instant OPENED = Instant.parse("2026-11-23T09:15:00Z");
    final MessageTemplates templates = new MessageTemplates();
    final MessageValues berlin = new MessageValues(ZoneId.of("Europe/Berlin"), "Oncall One (oncall-1)", Duration.ofMinutes(30));

    static IncidentFacts opened() {
        return IncidentLog.KIND.apply(IncidentFacts.unknown("inc-1"), new IncidentOpened("inc-1", "checkout",
                "Error rate 24.5 % on checkout", Severity.P2, List.of("error rate above 20 %"), List.of("a1"),
                "workspace:acme", null, null, OPENED, "severity.P2.error-rate-above-20", "2026.11.0"));
    }

    @Test
    void shouldLayOutTheIncidentStartAsTheSeed() {
        RenderedMessage m = templates.render(MessageTemplate.INCIDENT_START, berlin.start(opened(), OPENED));
        assertThat(m.body()).isEqualTo("""
                🔴 INCIDENT: checkout P2
                Time: 2026-11-23 10:15 CET
                Impact: Error rate 24.5 % on checkout (workspace:acme)
                Status: Investigating
                On-Call: Oncall One (oncall-1)
                Next update: 2026-11-23 10:45 CET
                """);
        assertThat(m.subject()).isEqualTo("🔴 INCIDENT: checkout P2");
        assertThat(m.template()).isEqualTo("incident-start");
    }

    @Test
    void shouldLayOutTheIncidentUpdateAsTheSeed() {
        IncidentFacts facts = IncidentLog.KIND.apply(opened(), new IncidentAcknowledged("inc-1", "oncall-1", OPENED.plusSeconds(300)));
        IncidentUpdateDue due = new IncidentUpdateDue("inc-1", Severity.P2, 1, "oncall-1", OPENED.plusSeconds(1800),
                "incident.update-due", "2026.11.0");
        assertThat(templates.render(MessageTemplate.INCIDENT_UPDATE, berlin.update(facts, due)).body()).isEqualTo("""
                🟡 UPDATE: checkout P2
                Time: 2026-11-23 10:45 CET
                Status: investigating
                Findings: error rate above 20 %; acknowledged by oncall-1 at 2026-11-23 10:20 CET
                Next steps: oncall-1 continues the investigation
                Next update: 2026-11-23 11:15 CET
                """);
    }

    @Test
    void shouldSayWhatAStepWithoutPeopleDidInTheFindings() {
        IncidentFacts p3 = IncidentLog.KIND.apply(IncidentFacts.unknown("inc-3"), new IncidentOpened("inc-3", "checkout",
                "Slow exports", Severity.P3, List.of("latency above target"), List.of("a3"), "workspace:acme", null, null,
                OPENED, "severity.P3.latency", "2026.11.0"));
        p3 = IncidentLog.KIND.apply(p3, new IncidentEscalated("inc-3", Severity.P3, 1, 60, EscalationAction.REQUEST_TICKET,
                List.of(), null, null, OPENED.plusSeconds(3600), "ladder.P3.step1", "2026.11.0"));
        IncidentUpdateDue due = new IncidentUpdateDue("inc-3", Severity.P3, 3, "oncall-1", OPENED.plusSeconds(5400),
                "incident.update-due", "2026.11.0");
        assertThat(templates.render(MessageTemplate.INCIDENT_UPDATE, berlin.update(p3, due)).body())
                .contains("Findings: latency above target; step 1: request-ticket\n")
                .doesNotContain("escalated to");
    }

    @Test
    void shouldNameThePeopleOfAStepWithTargetsInTheFindings() {
        IncidentFacts paged = IncidentLog.KIND.apply(opened(), new IncidentEscalated("inc-1", Severity.P2, 2, 60, EscalationAction.PAGE,
                List.of(new Target(DutyRole.INGESTION_OWNER, "engineer", OPENED.plusSeconds(7200))), null, null,
                OPENED.plusSeconds(3600), "ladder.P2.step2", "2026.11.0"));
        IncidentUpdateDue due = new IncidentUpdateDue("inc-1", Severity.P2, 3, "oncall-1", OPENED.plusSeconds(5400),
                "incident.update-due", "2026.11.0");
        assertThat(templates.render(MessageTemplate.INCIDENT_UPDATE, berlin.update(paged, due)).body())
                .contains("Findings: error rate above 20 %; escalated to ingestion-owner (step 2)\n");
    }

    @Test
    void shouldLayOutTheIncidentResolvedAsTheSeed() {
        IncidentResolved resolved = new IncidentResolved("inc-1", Severity.P1, "oncall-1", "connection pool exhausted",
                "pool size raised and workers restarted", OPENED, OPENED.plusSeconds(2 * 3600 + 7 * 60), 2 * 3600 + 7 * 60);
        assertThat(templates.render(MessageTemplate.INCIDENT_RESOLVED, berlin.resolved(opened(), resolved)).body()).isEqualTo("""
                🟢 RESOLVED: checkout P1
                Time: 2026-11-23 12:22 CET
                Duration: 2 hours 7 minutes
                Root cause: connection pool exhausted
                Resolution: pool size raised and workers restarted
                Follow-up: post-incident scheduled Y
                """);
    }

    @Test
    void shouldSayNoPostIncidentForAP2() {
        IncidentResolved resolved = new IncidentResolved("inc-1", Severity.P2, "oncall-1", "bad config", "reverted",
                OPENED, OPENED.plusSeconds(60), 60);
        assertThat(templates.render(MessageTemplate.INCIDENT_RESOLVED, berlin.resolved(opened(), resolved)).body())
                .contains("Duration: 0 hours 1 minute\n").endsWith("Follow-up: post-incident scheduled N\n");
    }

    @Test
    void shouldPageWithTheRoleStepAndDeadline() {
        IncidentEscalated step = new IncidentEscalated("inc-1", Severity.P1, 2, 30, EscalationAction.PAGE,
                List.of(new Target(DutyRole.INGESTION_OWNER, "engineer", OPENED.plusSeconds(1800 + 3600))),
                null, null, OPENED.plusSeconds(1800), "ladder.P1.step2", "2026.11.0");
        assertThat(templates.render(MessageTemplate.ESCALATION_PAGE,
                berlin.escalation(opened(), step, "ingestion-owner", OPENED.plusSeconds(1800 + 3600))).body()).isEqualTo("""
                🚨 PAGE: checkout P1
                Time: 2026-11-23 10:45 CET
                Impact: Error rate 24.5 % on checkout (workspace:acme)
                You: ingestion-owner
                Step: 2 (30 min after opening)
                Reason: escalation ladder ladder.P1.step2
                Respond by: 2026-11-23 11:45 CET
                Incident: inc-1
                """);
    }

    @Test
    void shouldSayWhatIsUnknownOfAnIncidentOpenedBeforeWeListened() {
        IncidentFacts unknown = IncidentFacts.unknown("inc-9");
        assertThat(templates.render(MessageTemplate.INCIDENT_START, new MessageValues(ZoneId.of("UTC"), null, Duration.ofMinutes(30))
                .start(unknown, OPENED)).body()).startsWith("🔴 INCIDENT: incident inc-9 P?\nTime: 2026-11-23 09:15 UTC\nImpact: unknown\n")
                .contains("On-Call: unknown\n");
    }
}
