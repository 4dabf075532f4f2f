package io.vigil.notification.templates;

import io.vigil.events.DutyRole;
import io.vigil.events.Target;
import io.vigil.events.ownership.CheckMissed;
import io.vigil.events.ownership.OwnershipHandedOff;
import io.vigil.events.ownership.PostmortemRequired;
import io.vigil.events.ownership.PostmortemTrigger;
import io.vigil.notification.domain.MessageTemplate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The deploy-ownership notices of seed 000. */
class OwnershipNoticesTest {
    static final Instant AT = Instant.parse("2026-11-22T14:37:30Z");
    final MessageTemplates templates = new MessageTemplates();
    final MessageValues utc = new MessageValues(ZoneId.of("UTC"), null, Duration.ZERO);

    @Test
    void shouldTellTheOwnerAndOnCallWhichCheckWasMissed() {
        CheckMissed missed = new CheckMissed("dep-1", "checkout", "engineer", AT.minusSeconds(450), 15, AT,
                List.of(new Target(DutyRole.DEPLOY_OWNER, "engineer", null)), "ownership.check.T0-T4", "2026.11.0");
        assertThat(templates.render(MessageTemplate.CHECK_MISSED, OwnershipValues.of(utc, missed, "on-call-primary")).body())
                .isEqualTo("""
                        ⏰ CHECK MISSED: checkout deploy dep-1
                        Time: 2026-11-22 14:37 UTC
                        Owner: engineer
                        Check due: 2026-11-22 14:30 UTC (every 15 min)
                        You: on-call-primary
                        Next: record the check or hand the window off
                        """);
    }

    @Test
    void shouldNameBothSidesOfAHandoff() {
        OwnershipHandedOff handoff = new OwnershipHandedOff("dep-1", "checkout", "engineer", "oncall-3", "going on leave",
                "engineer", AT);
        assertThat(templates.render(MessageTemplate.HANDOFF, OwnershipValues.of(utc, handoff, "deploy-owner")).body())
                .isEqualTo("""
                        🔁 HANDOFF: checkout deploy dep-1
                        Time: 2026-11-22 14:37 UTC
                        From: engineer
                        To: oncall-3
                        Reason: going on leave
                        By: engineer
                        """);
    }

    @Test
    void shouldSayWhereAndByWhenThePostMortemIsDue() {
        PostmortemRequired required = new PostmortemRequired("dep-1", "checkout", "engineer", PostmortemTrigger.values()[0],
                "inc-7", AT, AT.plus(Duration.ofHours(72)), "docs/incidents/2026-11-22-checkout.md", "postmortem.p1-incident", "2026.11.0");
        assertThat(templates.render(MessageTemplate.POSTMORTEM_REQUIRED, OwnershipValues.of(utc, required, null)).body())
                .startsWith("📝 POST-MORTEM REQUIRED: checkout deploy dep-1\nTime: 2026-11-22 14:37 UTC\nTrigger: ")
                .contains(" inc-7\nOwner: engineer\nDue: 2026-11-25 14:37 UTC\nDocument: docs/incidents/2026-11-22-checkout.md\n")
                .endsWith("Contents: what happened, root cause, preventive action\n");
    }
}
