package io.vigil.audit.domain;

import io.vigil.events.DutyRole;
import io.vigil.events.Severity;
import io.vigil.events.Target;
import io.vigil.events.killswitch.KillSwitchAction;
import io.vigil.events.killswitch.KillSwitchActivated;
import io.vigil.events.killswitch.KillSwitchApprovalOverdue;
import io.vigil.events.killswitch.KillSwitchApproved;
import io.vigil.events.killswitch.KillSwitchScenario;
import io.vigil.events.notifications.Channel;
import io.vigil.events.notifications.NotificationSent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ActivationAssemblyTest {
    static final Instant AT = Instant.parse("2026-11-23T10:05:00Z");
    static final Instant DUE = AT.plus(Duration.ofMinutes(15));
    static final String ID = "ks-1";

    static KillSwitchActivated activated(List<DutyRole> approvals, String reason) {
        return new KillSwitchActivated(ID, KillSwitchAction.values()[0], "workspace:acme", KillSwitchScenario.values()[0], reason,
                Severity.P2, "oncall-1", AT, null, approvals, List.of(), approvals.isEmpty() ? null : DUE,
                List.of(new Target(DutyRole.INGESTION_OWNER, "engineer", AT.plusSeconds(300)),
                        new Target(DutyRole.PRODUCT_MANAGER, "product-manager", AT)),
                "rule", "2026.1");
    }

    static NotificationSent sent(DutyRole role, String to) {
        return new NotificationSent("ntf-" + to, "evt-1", "vigil.killswitch.activated.v1", ID, Channel.values()[0], to, role,
                to + "@vigil.local", "killswitch-activated", 1, AT.plusSeconds(3));
    }

    static List<AuditedEvent> log(Object... payloads) {
        List<AuditedEvent> events = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            events.add(new AuditedEvent(10 + i, "evt-" + i, (io.vigil.events.EventPayload) payloads[i]));
        }
        return events;
    }

    @Test
    void shouldBeCompleteWithEveryRequiredFieldAndTheEntriesBehindThem() {
        var entry = ActivationAssembly.assemble(ID, log(activated(List.of(), "error rate 24 %"),
                sent(DutyRole.INGESTION_OWNER, "engineer"), sent(DutyRole.PRODUCT_MANAGER, "product-manager")), AT).orElseThrow();

        assertThat(entry.complete()).isTrue();
        assertThat(entry.missing()).isEmpty();
        assertThat(entry.activatedBy().value()).isEqualTo("oncall-1");
        assertThat(entry.activatedBy().seqs()).containsExactly(10L);
        assertThat(entry.notificationSentTo().seqs()).containsExactly(11L, 12L);
        assertThat(entry.approval().value().required()).isFalse();
    }

    @Test
    void shouldNameEachTargetNotYetNotified() {
        var entry = ActivationAssembly.assemble(ID, log(activated(List.of(), "r"), sent(DutyRole.INGESTION_OWNER, "engineer")), AT).orElseThrow();

        assertThat(entry.complete()).isFalse();
        assertThat(entry.missing()).containsExactly("notificationSentTo: product-manager not notified");
    }

    @Test
    void shouldWantTheRequiredApprovalUntilItIsGiven() {
        KillSwitchActivated a = activated(List.of(DutyRole.INGESTION_OWNER), "r");
        NotificationSent n1 = sent(DutyRole.INGESTION_OWNER, "engineer");
        NotificationSent n2 = sent(DutyRole.PRODUCT_MANAGER, "product-manager");

        var pending = ActivationAssembly.assemble(ID, log(a, n1, n2), AT).orElseThrow();
        assertThat(pending.missing()).containsExactly("approval: ingestion-owner not yet approved");

        var approved = ActivationAssembly.assemble(ID, log(a, n1, n2,
                new KillSwitchApproved(ID, "ingestion-owner", DutyRole.INGESTION_OWNER, null, List.of(), AT.plusSeconds(60))), AT).orElseThrow();
        assertThat(approved.complete()).isTrue();
        assertThat(approved.approval().seqs()).containsExactly(10L, 13L);
    }

    @Test
    void shouldShowAnOutstandingApprovalAsOverdueFromItsDeadline() {
        var events = log(activated(List.of(DutyRole.INGESTION_OWNER), "r"));

        assertThat(ActivationAssembly.assemble(ID, events, DUE.minusSeconds(1)).orElseThrow().approvalOverdue()).isFalse();
        assertThat(ActivationAssembly.assemble(ID, events, DUE).orElseThrow().approvalOverdue()).isTrue();
    }

    @Test
    void shouldShowAnApprovalReportedOverdue() {
        var events = log(activated(List.of(DutyRole.INGESTION_OWNER), "r"),
                new KillSwitchApprovalOverdue(ID, List.of(DutyRole.INGESTION_OWNER), DUE, true, List.of(), "rule", "2026.1"));

        assertThat(ActivationAssembly.assemble(ID, events, AT).orElseThrow().approvalOverdue()).isTrue();
    }

    @Test
    void shouldReportAnAbsentReason() {
        var entry = ActivationAssembly.assemble(ID, log(activated(List.of(), " "),
                sent(DutyRole.INGESTION_OWNER, "engineer"), sent(DutyRole.PRODUCT_MANAGER, "product-manager")), AT).orElseThrow();

        assertThat(entry.missing()).containsExactly("reason: absent");
    }

    @Test
    void shouldHaveNoEntryWithoutAnActivation() {
        assertThat(ActivationAssembly.assemble(ID, log(sent(DutyRole.INGESTION_OWNER, "engineer")), AT)).isEmpty();
    }
}
