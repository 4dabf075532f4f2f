package io.vigil.escalation.domain;

import io.vigil.events.DutyRole;
import io.vigil.events.Target;
import io.vigil.events.killswitch.KillSwitchAction;
import io.vigil.events.killswitch.KillSwitchActivated;
import io.vigil.events.killswitch.KillSwitchApprovalOverdue;
import io.vigil.events.killswitch.KillSwitchRejected;
import io.vigil.events.killswitch.KillSwitchResumeSigned;
import io.vigil.events.killswitch.KillSwitchResumed;
import io.vigil.events.killswitch.KillSwitchScenario;
import io.vigil.events.killswitch.Verification;
import io.vigil.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.vigil.escalation.domain.KillSwitchHarness.POLICY;
import static io.vigil.escalation.domain.KillSwitchHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kill switch's time rules at their boundaries, with the clock moved, and its approvals and resume. */
class KillSwitchDeadlineTest {
    static final Verification ALL_CHECKS = new Verification(true, true, true, true);
    final KillSwitchHarness h = new KillSwitchHarness();

    void pull(KillSwitchAction action, KillSwitchScenario scenario, Integer minutes, Instant startsAt, String by) {
        h.decide(s -> s.request(request(action, scenario, minutes, startsAt), h.as(by), POLICY, h.now));
    }

    @Test
    void shouldReportTheOwnersApprovalOverdueAt15MinutesAndNotASecondBefore() {
        pull(KillSwitchAction.PAUSE, KillSwitchScenario.ERROR_RATE_ABOVE_10, 30, null, "oncall-1");
        assertThat(h.killSwitch.status()).isEqualTo(KillSwitch.Status.ACTIVE);

        h.at(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(h.events(KillSwitchApprovalOverdue.class)).isEmpty();
        h.at(Duration.ofMinutes(15));
        KillSwitchApprovalOverdue overdue = h.last(KillSwitchApprovalOverdue.class);
        assertThat(overdue.missingApprovals()).containsExactly(DutyRole.INGESTION_OWNER);
        assertThat(overdue.active()).isTrue();
        assertThat(overdue.approvalDueAt()).isEqualTo(KillSwitchHarness.T0.plus(Duration.ofMinutes(15)));
        assertThat(overdue.policyRule()).isEqualTo("killswitch.scenario.error-rate-above-10");
        assertThat(overdue.escalateTo()).extracting(Target::role).containsExactly(DutyRole.INGESTION_OWNER, DutyRole.SRE_LEAD);
    }

    @Test
    void shouldNotReportAnApprovalGivenInTime() {
        pull(KillSwitchAction.PAUSE, KillSwitchScenario.ERROR_RATE_ABOVE_10, 30, null, "oncall-2");
        h.at(Duration.ofMinutes(14));
        h.decide(s -> s.approve(h.as("ingestion-owner"), "agreed", POLICY, h.now));
        h.at(Duration.ofMinutes(20));
        assertThat(h.types()).containsExactly("requested", "activated", "approved");
    }

    @Test
    void shouldEndAPauseOfFixedLengthByItselfWhenItRunsOut() {
        pull(KillSwitchAction.PAUSE, KillSwitchScenario.ERROR_RATE_ABOVE_20, 30, null, "oncall-1");
        h.at(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(h.killSwitch.status()).isEqualTo(KillSwitch.Status.ACTIVE);
        h.at(Duration.ofMinutes(30));
        KillSwitchResumed resumed = h.last(KillSwitchResumed.class);
        assertThat(resumed.reason()).isEqualTo("expired");
        assertThat(resumed.policyRule()).isEqualTo("killswitch.expired");
        assertThat(h.killSwitch.status()).isEqualTo(KillSwitch.Status.RESUMED);
    }

    @Test
    void shouldRefuseAPlannedMaintenanceRequested23h59BeforeItsStartAndAcceptOne24hAhead() {
        pull(KillSwitchAction.PAUSE, KillSwitchScenario.PLANNED_MAINTENANCE, 120, h.now.plus(Duration.ofHours(24)).minusSeconds(60), "ingestion-owner");
        assertThat(h.types()).containsExactly("requested", "rejected");
        assertThat(h.last(KillSwitchRejected.class).policyRule()).isEqualTo("killswitch.scenario.planned-maintenance");

        KillSwitchHarness ok = new KillSwitchHarness();
        ok.decide(s -> s.request(request(KillSwitchAction.PAUSE, KillSwitchScenario.PLANNED_MAINTENANCE, 120,
                ok.now.plus(Duration.ofHours(24))), ok.as("ingestion-owner"), POLICY, ok.now));
        assertThat(ok.killSwitch.status()).isEqualTo(KillSwitch.Status.PENDING_APPROVAL);
    }

    @Test
    void shouldStartAnApprovedPlannedMaintenanceAtItsStartAndRefuseALateApproval() {
        Instant startsAt = h.now.plus(Duration.ofHours(30));
        pull(KillSwitchAction.PAUSE, KillSwitchScenario.PLANNED_MAINTENANCE, 30, startsAt, "ingestion-owner");
        h.at(Duration.ofHours(6));   // exactly 24 h before the start: still in time
        h.decide(s -> s.approve(h.as("product-manager"), null, POLICY, h.now));
        h.at(Duration.ofHours(30).minusSeconds(1));
        assertThat(h.killSwitch.status()).isEqualTo(KillSwitch.Status.PENDING_APPROVAL);
        h.at(Duration.ofHours(30));
        assertThat(h.killSwitch.status()).isEqualTo(KillSwitch.Status.ACTIVE);
        KillSwitchActivated activated = h.last(KillSwitchActivated.class);
        assertThat(activated.approvals()).extracting(a -> a.by()).containsExactly("product-manager");
        assertThat(activated.notifyTargets()).allSatisfy(t -> assertThat(t.dueAt()).isEqualTo(startsAt.minus(Duration.ofHours(24))));

        KillSwitchHarness late = new KillSwitchHarness();
        late.decide(s -> s.request(request(KillSwitchAction.PAUSE, KillSwitchScenario.PLANNED_MAINTENANCE, 30, startsAt),
                late.as("ingestion-owner"), POLICY, late.now));
        late.at(Duration.ofHours(6).plusSeconds(1));
        assertThat(late.types()).containsExactly("requested", "approval-overdue", "rejected");
        assertThatThrownBy(() -> late.decide(s -> s.approve(late.as("product-manager"), null, POLICY, late.now)))
                .isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).rule()).isEqualTo("killswitch.approvals");

        KillSwitchHarness racing = new KillSwitchHarness();   // an approval a millisecond late, before the timer fired
        racing.decide(s -> s.request(request(KillSwitchAction.PAUSE, KillSwitchScenario.PLANNED_MAINTENANCE, 30, startsAt),
                racing.as("ingestion-owner"), POLICY, racing.now));
        racing.now = startsAt.minus(Duration.ofHours(24)).plusMillis(1);
        assertThatThrownBy(() -> racing.decide(s -> s.approve(racing.as("product-manager"), null, POLICY, racing.now)))
                .isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).rule())
                .isEqualTo("killswitch.scenario.planned-maintenance");
    }

    @Test
    void shouldActivateAClientRequestOnceThePmApproves() {
        pull(KillSwitchAction.PAUSE, KillSwitchScenario.CLIENT_REQUEST, 30, null, "ingestion-owner");
        assertThatThrownBy(() -> h.decide(s -> s.approve(h.as("sre-lead"), null, POLICY, h.now)))
                .isInstanceOf(RuleViolation.class).matches(e -> ((RuleViolation) e).forbidden())
                .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("killswitch.scenario.client-request");
        h.decide(s -> s.approve(h.as("product-manager"), null, POLICY, h.now));
        assertThat(h.types()).containsExactly("requested", "approved", "activated");
        assertThat(h.last(KillSwitchActivated.class).activatedBy()).isEqualTo("ingestion-owner");
    }

    @Test
    void shouldResumeAShortPauseByTheOnCallWithAPassingTestUploadOnly() {
        pull(KillSwitchAction.PAUSE, KillSwitchScenario.ERROR_RATE_ABOVE_20, 30, null, "oncall-1");
        assertThatThrownBy(() -> h.decide(s -> s.resume(h.as("engineer"), ALL_CHECKS, POLICY, h.now)))
                .matches(e -> ((RuleViolation) e).forbidden()).extracting(e -> ((RuleViolation) e).rule())
                .isEqualTo("killswitch.resume.pause-short");
        assertThatThrownBy(() -> h.decide(s -> s.resume(h.as("oncall-2"), new Verification(false, null, null, null), POLICY, h.now)))
                .matches(e -> !((RuleViolation) e).forbidden()).hasMessageContaining("testUploadPassed");
        h.decide(s -> s.resume(h.as("oncall-2"), new Verification(true, null, null, null), POLICY, h.now));
        KillSwitchResumed resumed = h.last(KillSwitchResumed.class);
        assertThat(resumed.authorizedBy()).extracting(a -> a.role()).containsExactly(DutyRole.ON_CALL_SECONDARY);
        h.at(Duration.ofMinutes(30));
        assertThat(h.events(KillSwitchResumed.class)).hasSize(1);
    }

    @Test
    void shouldResumeADataIntegrityEventOnlyWhenOwnerSreLeadAndPmHaveSigned() {
        pull(KillSwitchAction.PAUSE, KillSwitchScenario.DATA_CORRUPTION, null, null, "engineer");
        Verification done = new Verification(null, null, null, true);
        h.decide(s -> s.resume(h.as("sre-lead"), done, POLICY, h.now));
        h.decide(s -> s.resume(h.as("product-manager"), done, POLICY, h.now));
        assertThat(h.last(KillSwitchResumeSigned.class).remainingSigners()).containsExactly(DutyRole.INGESTION_OWNER);
        assertThatThrownBy(() -> h.decide(s -> s.resume(h.as("oncall-1"), done, POLICY, h.now)))
                .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("killswitch.resume.data-integrity-event");
        h.decide(s -> s.resume(h.as("ingestion-owner"), done, POLICY, h.now));
        assertThat(h.types()).containsExactly("requested", "activated", "resume-signed", "resume-signed", "resumed");
        assertThat(h.last(KillSwitchResumed.class).authorizedBy()).extracting(a -> a.by())
                .containsExactly("sre-lead", "product-manager", "ingestion-owner");
    }
}
