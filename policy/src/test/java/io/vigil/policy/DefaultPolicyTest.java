package io.vigil.policy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import static io.vigil.policy.Role.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The built-in document holds the numbers of the seeds (000, 001, 002, 004) and DESIGN §3. */
class DefaultPolicyTest {
    static final PolicyDocument DOCUMENT = new PolicyLoader().loadDefault();
    static final Policy POLICY = DOCUMENT.policy();

    @Test
    void shouldGiveEveryRuleAUniqueWellFormedId() {
        var occurrences = RuleIds.occurrences(DOCUMENT.tree());

        assertThat(occurrences).extracting(RuleIds.Occurrence::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("^[a-z][a-z0-9-]*(\\.[A-Za-z0-9][A-Za-z0-9-]*)+$"))
                .contains("ladder.P1.step2", "killswitch.scenario.error-rate-above-10");
        assertThat(DOCUMENT.ruleIds()).hasSize(occurrences.size());
    }

    @Test
    void shouldReferToARuleWithTheDocumentsVersion() {
        Ladder.Step step = POLICY.ladder().p1().steps().get(2);

        assertThat(POLICY.rule(step)).isEqualTo(new PolicyRule("ladder.P1.step2", "2026.11.0"));
        assertThat(DOCUMENT.rule("ladder.P1.step2")).isEqualTo(POLICY.rule(step));
        assertThatThrownBy(() -> DOCUMENT.rule("ladder.P4.step0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class Ownership {
        final OwnershipPolicy ownership = POLICY.ownership();

        @Test
        void shouldCheckEvery15MinutesThen2HoursThen4HoursWithAQuarterIntervalGrace() {
            CheckCadence checks = ownership.checks();

            assertThat(ownership.window().length()).isEqualTo(Duration.ofHours(48));
            assertThat(checks.cadence()).extracting(CheckCadence.Band::every)
                    .containsExactly(Duration.ofMinutes(15), Duration.ofHours(2), Duration.ofHours(4));
            assertThat(checks.bandAt(Duration.ofMinutes(239)).ruleId()).isEqualTo("ownership.check.T0-T4");
            assertThat(checks.bandAt(Duration.ofHours(4)).ruleId()).isEqualTo("ownership.check.T4-T24");
            assertThat(checks.bandAt(Duration.ofHours(47)).ruleId()).isEqualTo("ownership.check.T24-T48");
            assertThat(checks.grace(checks.cadence().getFirst())).isEqualTo(Duration.ofSeconds(225));
            assertThat(checks.notifyOnMiss()).containsExactly(DEPLOY_OWNER, ON_CALL_PRIMARY);
        }

        @Test
        void shouldHoldTheCheckpointsOfSeed000WithTheItemsEventsAnswer() {
            assertThat(ownership.checkpoints()).extracting(CheckpointRule::checkpoint).containsExactly("T0", "T4", "T24", "T48");
            assertThat(ownership.checkpoint("T24").at()).isEqualTo(Duration.ofHours(24));
            assertThat(ownership.checkpoint("T0").items()).extracting(CheckpointRule.Item::answeredBy)
                    .containsExactly("deploy-completed", "deploy-health-check", null);
            assertThat(ownership.checkpoint("T4").items()).extracting(CheckpointRule.Item::item, CheckpointRule.Item::kind)
                    .contains(org.assertj.core.groups.Tuple.tuple("dead-letter-count", CheckpointRule.Kind.COUNT));
            assertThat(ownership.checkpoint("T48").answeredByOwner()).extracting(CheckpointRule.Item::item)
                    .containsExactly("metrics-baseline-established");
        }

        @Test
        void shouldSignOffAtT48AndRequireAPostmortemWithin72Hours() {
            assertThat(ownership.signOff().notBefore()).isEqualTo(Duration.ofHours(48));
            assertThat(ownership.signOff().requiresCheckpoint()).isEqualTo("T48");
            assertThat(ownership.postmortem().due()).isEqualTo(Duration.ofHours(72));
            assertThat(ownership.postmortem().docPathFor(LocalDate.of(2026, 11, 23), "checkout-rollback"))
                    .isEqualTo("docs/incidents/2026-11-23-checkout-rollback.md");
            assertThat(ownership.postmortem().trigger("rollback").ruleId()).isEqualTo("postmortem.rollback");
            assertThat(ownership.postmortem().triggers()).extracting(PostmortemPolicy.Trigger::trigger)
                    .containsExactly("p1-incident", "killswitch-activated", "manual-intervention", "rollback");
        }

        @Test
        void shouldMakeThePrMergerTheOwnerUnlessOneIsNamed() {
            assertThat(ownership.defaultOwner().owner()).isEqualTo("pr-merger");
            assertThat(ownership.defaultOwner().namedOwnerWins()).isTrue();
            assertThat(ownership.handoff().by()).containsExactly(DEPLOY_OWNER, INGESTION_OWNER);
        }

        @Test
        void shouldListThePreDeployItemsOfSeeds000And002() {
            assertThat(ownership.preDeploy()).extracting(OwnershipPolicy.PreDeployItem::seed).contains("000", "002");
            assertThat(ownership.preDeploy()).extracting(OwnershipPolicy.PreDeployItem::text)
                    .contains("Staging report JSON attached (all P1 checks PASS)", "Database migrations tested");
        }

        @Test
        void shouldAvoidFridayAfternoonsFromNoonAndWeekendsButNotHotfixes() {
            DeploySchedule schedule = ownership.schedule();
            DeploySchedule.Avoid friday = schedule.avoid().get(1);

            assertThat(schedule.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
            assertThat(friday.covers(LocalDateTime.of(2026, 11, 27, 11, 59))).isFalse();
            assertThat(friday.covers(LocalDateTime.of(2026, 11, 27, 12, 0))).isTrue();
            assertThat(friday.covers(LocalDateTime.of(2026, 11, 27, 23, 59))).isTrue();
            assertThat(schedule.avoid().get(2).days()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(schedule.holidays().dates()).isEmpty();
            assertThat(schedule.exemptReleaseTypes()).containsExactly("patch");
            assertThat(schedule.effect()).isEqualTo(DeploySchedule.Effect.WARN);
        }
    }

    @Nested
    class OnCall {
        @Test
        void shouldRotateWeeklyOnMonday0900AndHoldTheResponseTargets() {
            OnCallPolicy oncall = POLICY.oncall();

            assertThat(oncall.rotation().length()).isEqualTo(Duration.ofDays(7));
            assertThat(oncall.rotation().handoverDay()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(oncall.rotation().handoverTime()).isEqualTo(LocalTime.of(9, 0));
            assertThat(oncall.rotation().slots()).containsExactly(OnCallPolicy.Slot.PRIMARY, OnCallPolicy.Slot.SECONDARY);
            assertThat(oncall.responseTarget(ON_CALL_PRIMARY).within()).isEqualTo(Duration.ofMinutes(15));
            assertThat(oncall.responseTarget(ON_CALL_SECONDARY).within()).isEqualTo(Duration.ofMinutes(30));
            assertThat(oncall.responseTarget(INGESTION_OWNER).within()).isEqualTo(Duration.ofHours(1));
            assertThat(oncall.responseTarget(ON_CALL_PRIMARY).escalatesTo()).isEqualTo(ON_CALL_SECONDARY);
        }
    }

    @Nested
    class Severity {
        final SeverityPolicy severity = POLICY.severity();

        String classify(Double errorRate, Long breakerOpen, Boolean corruption, Integer clients, Boolean all, String scope) {
            return severity.classify(errorRate, breakerOpen, corruption, clients, all, scope).ruleId();
        }

        @Test
        void shouldMakeAnErrorRateStrictlyAbove20PercentP2() {
            assertThat(classify(20.0, null, null, null, null, null)).isEqualTo("severity.P3.otherwise");
            assertThat(classify(20.01, null, null, null, null, null)).isEqualTo("severity.P2.error-rate-above-20");
        }

        @Test
        void shouldMakeACircuitBreakerOpenMoreThan300SecondsP1() {
            assertThat(classify(null, 300L, null, null, null, null)).isEqualTo("severity.P3.otherwise");
            assertThat(classify(null, 301L, null, null, null, null)).isEqualTo("severity.P1.circuit-breaker-open");
        }

        @Test
        void shouldRankDataAtRiskGlobalScopeAndAllClientsAsP1() {
            assertThat(classify(50.0, null, true, null, null, null)).isEqualTo("severity.P1.data-corruption");
            assertThat(classify(null, null, null, null, null, "global")).isEqualTo("severity.P1.global-failure");
            assertThat(classify(null, null, null, null, true, null)).isEqualTo("severity.P1.all-clients");
        }

        @Test
        void shouldRankWorkspaceWideAndSeveralClientsAsP2() {
            assertThat(classify(null, null, null, null, null, "workspace:acme")).isEqualTo("severity.P2.workspace-wide");
            assertThat(classify(null, null, null, 1, null, null)).isEqualTo("severity.P3.otherwise");
            assertThat(classify(null, null, null, 2, null, null)).isEqualTo("severity.P2.several-clients");
            assertThat(severity.severityOf(severity.classify(null, null, null, 2, null, null))).isEqualTo("P2");
        }

        @Test
        void shouldLetAnExplicitSeverityOnlyRaise() {
            assertThat(severity.explicit().mayLower()).isFalse();
            assertThat(severity.otherwise().severity()).isEqualTo("P3");
        }
    }

    @Nested
    class Escalation {
        @Test
        void shouldPageP1PrimaryThenSecondaryThenIngestionOwnerThenSreLeadAndPm() {
            Ladder p1 = POLICY.ladder().of("P1");

            assertThat(p1.steps()).extracting(s -> s.after().toMinutes()).containsExactly(0L, 15L, 30L, 60L);
            assertThat(p1.steps()).extracting(Ladder.Step::targets).containsExactly(
                    java.util.List.of(ON_CALL_PRIMARY), java.util.List.of(ON_CALL_SECONDARY),
                    java.util.List.of(INGESTION_OWNER), java.util.List.of(SRE_LEAD, PRODUCT_MANAGER));
            assertThat(p1.unacknowledgedStep()).hasValueSatisfying(s -> {
                assertThat(s.after()).isEqualTo(Duration.ofMinutes(15));
                assertThat(s.targets()).containsExactly(ON_CALL_SECONDARY);
            });
            assertThat(p1.dueBy(Duration.ofMinutes(29))).hasSize(2);
        }

        @Test
        void shouldNotifyP2SecondaryAt30AndRequestAP3TicketAt60() {
            Ladder p2 = POLICY.ladder().of("P2");
            Ladder p3 = POLICY.ladder().of("P3");

            assertThat(p2.steps().get(1).action()).isEqualTo(Ladder.Action.NOTIFY);
            assertThat(p2.steps().get(1).after()).isEqualTo(Duration.ofMinutes(30));
            assertThat(p2.steps().get(2).targets()).containsExactly(INGESTION_OWNER);
            assertThat(p2.unacknowledgedStep()).isEmpty();
            assertThat(p3.steps().get(1).action()).isEqualTo(Ladder.Action.REQUEST_TICKET);
            assertThat(p3.steps().get(1).after()).isEqualTo(Duration.ofMinutes(60));
            assertThat(POLICY.incidentUpdates().every()).isEqualTo(Duration.ofMinutes(30));
        }
    }

    @Nested
    class KillSwitch {
        final KillSwitchPolicy killswitch = POLICY.killswitch();

        @Test
        void shouldHoldTheActionTableOfSeed001() {
            assertThat(killswitch.action("pause-short").approve()).isEmpty();
            assertThat(killswitch.action("pause-short").notifyRoles()).containsExactly(INGESTION_OWNER);
            assertThat(killswitch.action("rollback").notifyRoles()).containsExactly(PRODUCT_MANAGER, SRE_LEAD);
            assertThat(killswitch.action("global-disable").approve()).containsExactly(INGESTION_OWNER, SRE_LEAD);
            assertThat(POLICY.expand(killswitch.action("global-disable").notifyRoles()))
                    .containsExactly(INGESTION_OWNER, ON_CALL_PRIMARY, ON_CALL_SECONDARY, SRE_LEAD, PRODUCT_MANAGER, SUPPORT_LEAD);
            assertThat(killswitch.actions()).allSatisfy(a -> assertThat(a.execute()).containsExactly(ON_CALL));
        }

        @Test
        void shouldCallAPauseShortOnlyWhenPlannedUnderAnHour() {
            assertThat(killswitch.pauseKind(Duration.ofMinutes(59))).isEqualTo("pause-short");
            assertThat(killswitch.pauseKind(Duration.ofMinutes(60))).isEqualTo("pause-long");
            assertThat(killswitch.pauseKind(null)).isEqualTo("pause-long");
        }

        @Test
        void shouldHoldTheScenariosWithTheirApprovalsAndDeadlines() {
            ScenarioRule corruption = killswitch.scenario("data-corruption");
            assertThat(corruption.activate()).containsExactly(ANYONE);
            assertThat(corruption.activateFirst()).isTrue();
            assertThat(corruption.notifications()).singleElement().satisfies(n -> {
                assertThat(n.role()).isEqualTo(ALL_STAKEHOLDERS);
                assertThat(n.within()).isZero();
            });

            assertThat(killswitch.scenario("error-rate-above-20").notifications().getFirst().within()).hasMinutes(5);

            ScenarioRule above10 = killswitch.scenario("error-rate-above-10");
            assertThat(above10.activateFirst()).isFalse();
            assertThat(above10.approvals()).singleElement().satisfies(a -> {
                assertThat(a.role()).isEqualTo(INGESTION_OWNER);
                assertThat(a.timing()).isEqualTo(ScenarioRule.ApprovalTiming.AFTER_ACTIVATION);
                assertThat(a.within()).hasMinutes(15);
            });

            ScenarioRule maintenance = killswitch.scenario("planned-maintenance");
            assertThat(maintenance.approvals().getFirst().timing()).isEqualTo(ScenarioRule.ApprovalTiming.IN_ADVANCE);
            assertThat(maintenance.approvals().getFirst().ahead()).hasHours(24);
            assertThat(killswitch.scenario("client-request").approvals().getFirst().timing())
                    .isEqualTo(ScenarioRule.ApprovalTiming.BEFORE_ACTIVATION);
            assertThat(killswitch.scenario("client-request").notifications().getFirst().role()).isEqualTo(SUPPORT_LEAD);
        }

        @Test
        void shouldHoldTheResumeAuthorityAndTheActivationLogFields() {
            assertThat(killswitch.resumeOf("pause-short").by()).containsExactly(ON_CALL);
            assertThat(killswitch.resumeOf("pause-long").verification()).containsExactly("testUploadPassed", "metricsChecked");
            assertThat(killswitch.resumeOf("rollback").by()).containsExactly(INGESTION_OWNER, PRODUCT_MANAGER);
            assertThat(killswitch.resumeOf("data-integrity-event").by()).containsExactly(INGESTION_OWNER, SRE_LEAD, PRODUCT_MANAGER);
            assertThat(killswitch.resumeOf("data-integrity-event").verification()).containsExactly("investigationComplete");
            assertThat(killswitch.activationLog().fields()).extracting(KillSwitchPolicy.LogField::field).containsExactly(
                    "timestamp", "activatedBy", "reason", "severity", "scope", "approval", "notificationSentTo");
        }
    }

    @Nested
    class Rollout {
        final RolloutPolicy rollout = POLICY.rollout();

        @Test
        void shouldStageEachReleaseTypeWithItsSoakTimes() {
            assertThat(rollout.plan("minor").stages()).extracting(RolloutPolicy.Stage::stage).containsExactly("canary", "25", "50", "100");
            assertThat(rollout.plan("major").stages()).extracting(RolloutPolicy.Stage::stage)
                    .containsExactly("extended-canary", "10", "25", "50", "100");
            assertThat(rollout.plan("patch").direct().allowed()).isTrue();
            assertThat(rollout.plan(null)).isEqualTo(rollout.plan("minor"));
            assertThat(rollout.plan("minor").stageFor(3).soak()).isEqualTo(Duration.ofMinutes(15));
            assertThat(rollout.plan("minor").stageFor(30).stage()).isEqualTo("50");
            assertThat(rollout.plan("minor").stageFor(30).soak()).isEqualTo(Duration.ofMinutes(30));
        }

        @Test
        void shouldPauseOnlyStrictlyAboveBaselinePlusATenthOfAPoint() {
            RolloutThreshold errorRate = rollout.pause().get(0);

            assertThat(errorRate.exceededBy(0.8, 0.7, 100, 100, 0, 60)).isFalse();
            assertThat(errorRate.exceededBy(0.81, 0.7, 100, 100, 0, 60)).isTrue();
        }

        @Test
        void shouldPauseOnlyStrictlyAboveBaselineP99Times110() {
            RolloutThreshold p99 = rollout.pause().get(1);

            assertThat(p99.exceededBy(0, 0, 220, 200, 0, 60)).isFalse();
            assertThat(p99.exceededBy(0, 0, 220.1, 200, 0, 60)).isTrue();
            assertThat(rollout.pause().get(2).exceededBy(0, 0, 100, 100, 1, 60)).isTrue();
        }

        @Test
        void shouldRollBackAfterAPointAboveBaselineForFiveMinutesOrAQuarterSlower() {
            RolloutThreshold errorRate = rollout.rollback().get(0);
            RolloutThreshold p99 = rollout.rollback().get(1);

            assertThat(errorRate.exceededBy(2.0, 0.5, 100, 100, 0, 299)).isFalse();
            assertThat(errorRate.exceededBy(2.0, 0.5, 100, 100, 0, 300)).isTrue();
            assertThat(errorRate.exceededBy(1.5, 0.5, 100, 100, 0, 300)).isFalse();
            assertThat(p99.exceededBy(0, 0, 250, 200, 0, 0)).isFalse();
            assertThat(p99.exceededBy(0, 0, 250.1, 200, 0, 0)).isTrue();
            assertThat(rollout.precedence()).containsExactly(
                    RolloutPolicy.Verdict.ROLLBACK, RolloutPolicy.Verdict.PAUSE, RolloutPolicy.Verdict.GO);
        }
    }

    @Nested
    class Phases {
        @Test
        void shouldNeedEveryApproverOfAGateAndKnowWhoRollsBack() {
            PhasePolicy phases = POLICY.phases();

            assertThat(phases.gateTo("P1").approvers()).containsExactly(INGESTION_OWNER);
            assertThat(phases.gateTo("P3").approvers()).containsExactly(INGESTION_OWNER, PRODUCT_MANAGER);
            assertThat(phases.gateTo("P4").approvers()).containsExactly(INGESTION_OWNER, PRODUCT_MANAGER, SRE_LEAD);
            assertThat(phases.generallyAvailable()).isEqualTo("P4");
            assertThat(phases.veto().by()).isEqualTo("any-approver");
            assertThat(phases.rollbackOf("emergency").immediate()).isTrue();
            assertThat(phases.rollbackOf("emergency").authorize()).containsExactly(ON_CALL);
            assertThat(phases.rollbackOf("planned").approve()).containsExactly(PRODUCT_MANAGER);
            assertThat(phases.rollbackOf("client-request").inform()).containsExactly(SUPPORT_LEAD);
            assertThat(phases.rollbackForm().fields()).contains("reasonCategory", "investigationAssignee", "reRampTarget");
        }
    }
}
