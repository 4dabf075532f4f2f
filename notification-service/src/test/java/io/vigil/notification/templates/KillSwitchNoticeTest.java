package io.vigil.notification.templates;

import io.vigil.events.DutyRole;
import io.vigil.events.Severity;
import io.vigil.events.Target;
import io.vigil.events.killswitch.KillSwitchAction;
import io.vigil.events.killswitch.KillSwitchActivated;
import io.vigil.events.killswitch.KillSwitchScenario;
import io.vigil.notification.domain.MessageTemplate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A kill-switch notice carries every field of the activation log (seed 001 §5.2). */
class KillSwitchNoticeTest {
    static final Instant AT = Instant.parse("2026-11-23T09:20:00Z");

    @Test
    void shouldNameWhenWhoWhyHowSevereWhereAndTheApproval() {
        KillSwitchActivated activated = new KillSwitchActivated("ks-1", KillSwitchAction.ROLLBACK, "global",
                KillSwitchScenario.ERROR_RATE_ABOVE_10, "error rate 12 % after 1.42.0", Severity.P2, "oncall-1", AT, null,
                List.of(DutyRole.INGESTION_OWNER), List.of(), AT.plusSeconds(900),
                List.of(new Target(DutyRole.PRODUCT_MANAGER, "product-manager", AT.plusSeconds(900))),
                "killswitch.scenario.error-rate-above-10", "2026.11.0");
        MessageValues reader = new MessageValues(ZoneId.of("Europe/Berlin"), null, Duration.ZERO);
        assertThat(new MessageTemplates().render(MessageTemplate.KILLSWITCH_ACTIVATED,
                KillSwitchValues.activated(reader, activated, "product-manager", AT.plusSeconds(900))).body()).isEqualTo("""
                ⛔ KILL SWITCH: rollback global P2
                Time: 2026-11-23 10:20 CET
                Activated by: oncall-1
                Reason: error rate 12 % after 1.42.0
                Scenario: error-rate-above-10
                Approval: ingestion-owner required; none given yet; due 2026-11-23 10:35 CET
                You: product-manager, notify by 2026-11-23 10:35 CET
                Switch: ks-1
                """);
    }

    @Test
    void shouldTellWhoseApprovalIsOverdueAndWhetherTheSwitchIsInForce() {
        var overdue = new io.vigil.events.killswitch.KillSwitchApprovalOverdue("ks-1", List.of(DutyRole.INGESTION_OWNER),
                AT.plusSeconds(900), true, List.of(new Target(DutyRole.SRE_LEAD, "sre-lead", AT.plusSeconds(900))),
                "killswitch.scenario.error-rate-above-10", "2026.11.0");
        MessageValues reader = new MessageValues(ZoneId.of("Europe/Berlin"), null, Duration.ZERO);
        assertThat(new MessageTemplates().render(MessageTemplate.KILLSWITCH_APPROVAL_OVERDUE,
                KillSwitchValues.approvalOverdue(reader, overdue, AT.plusSeconds(900), "sre-lead")).body()).isEqualTo("""
                ⏰ KILL SWITCH APPROVAL OVERDUE: ks-1
                Time: 2026-11-23 10:35 CET
                Missing: ingestion-owner approval, due 2026-11-23 10:35 CET
                Switch: active, in force without the approval
                You: sre-lead
                Next: approve it (POST /kill-switches/ks-1/approve) or have it resumed
                """);
    }
}
