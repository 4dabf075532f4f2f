package io.vigil.ownership.domain;

import io.vigil.events.DutyRole;
import io.vigil.events.EventPayload;
import io.vigil.events.ownership.CheckMissed;
import io.vigil.events.ownership.CheckRecorded;
import io.vigil.events.ownership.ChecklistItem;
import io.vigil.events.ownership.Checkpoint;
import io.vigil.events.ownership.CheckpointCompleted;
import io.vigil.events.ownership.CheckpointMissed;
import io.vigil.events.ownership.OwnershipHandedOff;
import io.vigil.events.ownership.OwnershipReleased;
import io.vigil.events.ownership.PostmortemOverdue;
import io.vigil.events.ownership.PostmortemRequired;
import io.vigil.events.ownership.PostmortemTrigger;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.domain.RuleViolation;
import io.vigil.platform.domain.TimerChange;
import io.vigil.policy.Policy;
import io.vigil.policy.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The window's rules on the aggregate, with the clock moved to each boundary: just before it and at it. */
class DeployWindowTest {
    static final Policy POLICY = new PolicyLoader().loadDefault().policy();
    static final Instant T0 = Instant.parse("2026-11-22T14:00:00Z");
    static final Instant T48 = T0.plus(Duration.ofHours(48));
    static final Instant JUST_BEFORE_T48 = T48.minusMillis(1);

    final List<EventPayload> events = new ArrayList<>();

    DeployOwnership deploy() {
        if (events.isEmpty()) {
            take(DeployOwnership.KIND.initial("dep-1").start(new StartDeploy("dep-1", "checkout", "1.42.0", "production",
                    "engineer", null, "https://git.example.com/pr/142", true, "https://git.example.com/rollback", T0), POLICY));
        }
        DeployOwnership state = DeployOwnership.KIND.initial("dep-1");
        for (EventPayload e : events) {
            state = DeployOwnership.KIND.apply(state, e);
        }
        return state;
    }

    Decision take(Decision decision) {
        events.addAll(decision.events());
        return decision;
    }

    static Instant at(Duration sinceStart) {
        return T0.plus(sinceStart);
    }

    static List<TimerChange.Schedule> scheduled(Decision d, String kind) {
        return d.timers().stream().filter(t -> t instanceof TimerChange.Schedule && t.kind().equals(kind))
                .map(TimerChange.Schedule.class::cast).toList();
    }

    @Test
    void shouldScheduleTheFirstCheckDeadlineAndEveryCheckpointAtTheStart() {
        Decision start = DeployOwnership.KIND.initial("dep-1").start(new StartDeploy("dep-1", "checkout", "1", "production",
                "engineer", null, "https://x/pr", true, "https://x/rb", T0), POLICY);

        assertThat(scheduled(start, DeployOwnership.CHECK_TIMER)).singleElement()
                .satisfies(t -> assertThat(t.dueAt()).isEqualTo(at(Duration.ofMinutes(18).plusSeconds(45))));
        assertThat(scheduled(start, DeployOwnership.CHECKPOINT_TIMER)).extracting(TimerChange.Schedule::dueAt).containsExactly(
                at(Duration.ofMinutes(15)), at(Duration.ofHours(6)), at(Duration.ofHours(28)), at(Duration.ofHours(52)));
    }

    @Test
    void shouldRecordACheckAndMoveTheDeadlineWithTheCadenceInForce() {
        Decision check = take(deploy().recordCheck("engineer", "all green", 0, true, at(Duration.ofHours(4).minusSeconds(1)), POLICY));
        assertThat(check.events()).singleElement().isInstanceOfSatisfying(CheckRecorded.class,
                c -> assertThat(c.nextDueAt()).isEqualTo(at(Duration.ofHours(4).plusMinutes(15).minusSeconds(1))));
        assertThat(check.timers()).first().isEqualTo(new TimerChange.Cancel(DeployOwnership.CHECK_TIMER));

        Decision atT4 = take(deploy().recordCheck("engineer", null, null, null, at(Duration.ofHours(4)), POLICY));
        assertThat(((CheckRecorded) atT4.events().getFirst()).nextDueAt()).isEqualTo(at(Duration.ofHours(6)));
        assertThat(scheduled(atT4, DeployOwnership.CHECK_TIMER)).singleElement()
                .satisfies(t -> assertThat(t.dueAt()).isEqualTo(at(Duration.ofHours(6).plusMinutes(30))));
    }

    @Test
    void shouldNameTheOwnerThenTheOnCallPrimaryWhenACheckIsMissedAndAskForTheNextOne() {
        Decision start = take(deploy().recordCheck("engineer", null, null, null, T0, POLICY));
        String payload = scheduled(start, DeployOwnership.CHECK_TIMER).getFirst().payload();

        Decision missed = take(deploy().checkOverdue(payload, at(Duration.ofMinutes(18).plusSeconds(45)), "oncall-2", POLICY));

        CheckMissed event = (CheckMissed) missed.events().getFirst();
        assertThat(event.dueAt()).isEqualTo(at(Duration.ofMinutes(15)));
        assertThat(event.missedAt()).isEqualTo(at(Duration.ofMinutes(18).plusSeconds(45)));
        assertThat(event.intervalMinutes()).isEqualTo(15);
        assertThat(event.notifyTargets()).extracting(t -> t.role() + ":" + t.person())
                .containsExactly(DutyRole.DEPLOY_OWNER + ":engineer", DutyRole.ON_CALL_PRIMARY + ":oncall-2");
        assertThat(event.policyRule()).isEqualTo("ownership.check.T0-T4");
        assertThat(scheduled(missed, DeployOwnership.CHECK_TIMER)).singleElement()
                .satisfies(t -> assertThat(t.dueAt()).isEqualTo(at(Duration.ofMinutes(33).plusSeconds(45))));
    }

    @Test
    void shouldReportOneMissNotOnePerIntervalWhenTheMissIsNoticedLate() {
        Decision start = take(deploy().recordCheck("engineer", null, null, null, T0, POLICY));
        String payload = scheduled(start, DeployOwnership.CHECK_TIMER).getFirst().payload();
        Instant late = at(Duration.ofHours(3));

        Decision missed = deploy().checkOverdue(payload, late, null, POLICY);

        assertThat(missed.events()).hasSize(1);
        assertThat(scheduled(missed, DeployOwnership.CHECK_TIMER)).singleElement()
                .satisfies(t -> assertThat(t.dueAt()).isEqualTo(late.plus(Duration.ofMinutes(15))));
    }

    @Test
    void shouldIgnoreACheckDeadlineThatARecordedCheckAnswered() {
        Decision first = take(deploy().recordCheck("engineer", null, null, null, T0, POLICY));
        String stale = scheduled(first, DeployOwnership.CHECK_TIMER).getFirst().payload();
        take(deploy().recordCheck("engineer", null, null, null, at(Duration.ofMinutes(10)), POLICY));

        assertThat(deploy().checkOverdue(stale, at(Duration.ofMinutes(19)), "oncall-2", POLICY).isEmpty()).isTrue();
    }

    @Test
    void shouldHandOffInOneEventToARegisteredPersonWithAReason() {
        Decision handoff = take(deploy().handOff(new HandOff("engineer", false, "oncall-3", true, "out sick", at(Duration.ofHours(1))), POLICY));

        assertThat(handoff.events()).singleElement().isInstanceOfSatisfying(OwnershipHandedOff.class, h -> {
            assertThat(h.from()).isEqualTo("engineer");
            assertThat(h.to()).isEqualTo("oncall-3");
        });
        assertThat(handoff.rule().ruleId()).isEqualTo("ownership.handoff");
        assertThat(deploy().owner()).isEqualTo("oncall-3");
        assertThat(take(deploy().handOff(new HandOff("ingestion-owner", true, "engineer", true, "back", at(Duration.ofHours(2))), POLICY))
                .events()).hasSize(1);
    }

    @Test
    void shouldRefuseAHandoffNamingTheRule() {
        DeployOwnership d = deploy();
        Instant now = at(Duration.ofHours(1));
        assertRefused(() -> d.handOff(new HandOff("oncall-1", false, "oncall-3", true, "x", now), POLICY), "ownership.handoff", true);
        assertRefused(() -> d.handOff(new HandOff("engineer", false, "nobody", false, "x", now), POLICY), "ownership.handoff", false);
        assertRefused(() -> d.handOff(new HandOff("engineer", false, "engineer", true, "x", now), POLICY), "ownership.handoff", false);
        assertRefused(() -> d.handOff(new HandOff("engineer", false, "oncall-3", true, " ", now), POLICY), "ownership.handoff", false);
    }

    @Test
    void shouldRefuseSignOffJustBeforeT48AndAcceptItAtT48WithTheT48ChecklistDone() {
        assertRefused(() -> deploy().signOff("engineer", "ok", T48, POLICY), "ownership.sign-off", false);
        assertRefused(() -> deploy().completeCheckpoint(Checkpoint.T48, t48Answers(), "engineer", JUST_BEFORE_T48, POLICY),
                "ownership.checkpoint.T48", false);
        take(deploy().completeCheckpoint(Checkpoint.T48, t48Answers(), "engineer", T48, POLICY));
        assertRefused(() -> deploy().signOff("engineer", "ok", JUST_BEFORE_T48, POLICY), "ownership.sign-off", false);
        assertRefused(() -> deploy().signOff("oncall-1", "ok", T48, POLICY), "ownership.sign-off", true);

        Decision signOff = take(deploy().signOff("engineer", "stable, baseline set", T48, POLICY));

        assertThat(signOff.events()).singleElement().isInstanceOf(OwnershipReleased.class);
        assertThat(signOff.timers()).contains(new TimerChange.Cancel(DeployOwnership.CHECK_TIMER));
        assertThat(deploy().log().released()).isTrue();
        assertRefused(() -> deploy().handOff(new HandOff("engineer", false, "oncall-3", true, "x", T48), POLICY), "ownership.handoff", false);
        assertRefused(() -> deploy().recordCheck("engineer", null, null, null, T48, POLICY), "ownership.check.T24-T48", false);
    }

    static Map<String, Object> t48Answers() {
        return Map.of("metrics-baseline-established", true);
    }

    @Test
    void shouldFillInChecklistItemsTheEventsAnswer() {
        take(deploy().postmortemTriggered(PostmortemTrigger.P1_INCIDENT, "inc-7", at(Duration.ofHours(3)), POLICY));
        assertRefused(() -> deploy().completeCheckpoint(Checkpoint.T4, Map.of("error-rate-stable", true, "dead-letter-count", 3),
                "engineer", at(Duration.ofHours(4)).minusMillis(1), POLICY), "ownership.checkpoint.T4", false);

        Decision done = take(deploy().completeCheckpoint(Checkpoint.T4, Map.of("error-rate-stable", true, "dead-letter-count", 3),
                "engineer", at(Duration.ofHours(4)), POLICY));

        CheckpointCompleted completed = (CheckpointCompleted) done.events().getFirst();
        assertThat(completed.items()).contains(new ChecklistItem("no-critical-alerts", false, "inc-7", true),
                new ChecklistItem("dead-letter-count", true, "3", false));
    }

    @Test
    void shouldNameEveryMissingItem() {
        assertThatThrownBy(() -> deploy().completeCheckpoint(Checkpoint.T24, Map.of("dead-letter-count", "many", "unknown", true),
                "engineer", at(Duration.ofHours(24)), POLICY))
                .isInstanceOfSatisfying(InvalidAnswers.class, e -> assertThat(e.names()).containsExactly(
                        "items.dead-letter-count", "items.synthetic-traffic-running", "items.system-stable-24h", "items.unknown"));
    }

    @Test
    void shouldReportAMissedCheckpointWithItsOpenItemsUnlessDone() {
        Decision missed = deploy().checkpointOverdue(Checkpoint.T4, at(Duration.ofHours(6)), "oncall-2", POLICY);
        assertThat(missed.events()).singleElement().isInstanceOfSatisfying(CheckpointMissed.class, m -> {
            assertThat(m.openItems()).containsExactly("error-rate-stable", "dead-letter-count");
            assertThat(m.policyRule()).isEqualTo("ownership.checkpoint.T4");
        });
        take(deploy().completeCheckpoint(Checkpoint.T4, Map.of("error-rate-stable", true, "dead-letter-count", 0),
                "engineer", at(Duration.ofHours(5)), POLICY));
        assertThat(deploy().checkpointOverdue(Checkpoint.T4, at(Duration.ofHours(6)), "oncall-2", POLICY).isEmpty()).isTrue();
    }

    @Test
    void shouldRequireAPostmortemForATriggerInsideTheWindowOnlyDue72HoursLater() {
        assertThat(deploy().postmortemTriggered(PostmortemTrigger.P1_INCIDENT, "inc-late", T48, POLICY).isEmpty()).isTrue();

        Decision required = take(deploy().postmortemTriggered(PostmortemTrigger.ROLLBACK, "evt-1", JUST_BEFORE_T48, POLICY));

        PostmortemRequired p = (PostmortemRequired) required.events().getFirst();
        assertThat(p.dueAt()).isEqualTo(JUST_BEFORE_T48.plus(Duration.ofHours(72)));
        assertThat(p.docPath()).isEqualTo("docs/incidents/2026-11-24-checkout-rollback.md");
        assertThat(p.owner()).isEqualTo("engineer");
        assertThat(p.policyRule()).isEqualTo("postmortem.rollback");
        assertThat(scheduled(required, DeployOwnership.POSTMORTEM_TIMER)).singleElement()
                .satisfies(t -> assertThat(t.dueAt()).isEqualTo(p.dueAt()));
        assertThat(deploy().postmortemTriggered(PostmortemTrigger.ROLLBACK, "evt-1", JUST_BEFORE_T48, POLICY).isEmpty()).isTrue();
    }

    @Test
    void shouldReportAnUnfiledPostmortemOverdueAndAFiledOneNot() {
        take(deploy().postmortemTriggered(PostmortemTrigger.KILLSWITCH_ACTIVATED, "ks-1", at(Duration.ofHours(2)), POLICY));
        take(deploy().postmortemTriggered(PostmortemTrigger.P1_INCIDENT, "inc-1", at(Duration.ofHours(3)), POLICY));

        Decision overdue = deploy().postmortemOverdue("ks-1", POLICY);
        assertThat(overdue.events()).singleElement().isInstanceOfSatisfying(PostmortemOverdue.class,
                o -> assertThat(o.dueAt()).isEqualTo(at(Duration.ofHours(74))));
        assertRefused(() -> deploy().filePostmortem("oncall-1", "https://docs/x", at(Duration.ofHours(5)), POLICY), "postmortem.killswitch-activated", true);

        assertThat(take(deploy().filePostmortem("engineer", "https://docs/x", at(Duration.ofHours(5)), POLICY)).events()).hasSize(2);

        assertThat(deploy().postmortemOverdue("ks-1", POLICY).isEmpty()).isTrue();
        assertThat(deploy().postmortemOverdue("inc-1", POLICY).isEmpty()).isTrue();
        assertRefused(() -> deploy().filePostmortem("engineer", "https://docs/x", at(Duration.ofHours(6)), POLICY), "postmortem.overdue", false);
    }

    @Test
    void shouldRequireAPostmortemForAManualInterventionReportedByTheOwnerOrAnSreLead() {
        assertRefused(() -> deploy().manualIntervention("oncall-1", false, at(Duration.ofHours(1)), POLICY), "postmortem.manual-intervention", true);
        assertRefused(() -> deploy().manualIntervention("engineer", false, T48, POLICY), "postmortem.manual-intervention", false);

        Decision required = take(deploy().manualIntervention("sre-lead", true, at(Duration.ofHours(1)), POLICY));

        assertThat(required.events()).singleElement().isInstanceOfSatisfying(PostmortemRequired.class, p -> {
            assertThat(p.trigger()).isEqualTo(PostmortemTrigger.MANUAL_INTERVENTION);
            assertThat(p.owner()).isEqualTo("engineer");
            assertThat(p.docPath()).isEqualTo("docs/incidents/2026-11-22-checkout-manual-intervention.md");
        });
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String rule, boolean forbidden) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.rule()).isEqualTo(rule);
            assertThat(e.forbidden()).isEqualTo(forbidden);
        });
    }
}
