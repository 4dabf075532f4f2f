package io.vigil.escalation.domain;

import io.vigil.events.Severity;
import io.vigil.events.alerts.Signals;
import io.vigil.events.incidents.IncidentEscalated;
import io.vigil.events.incidents.IncidentOpened;
import io.vigil.events.incidents.IncidentResolved;
import io.vigil.events.incidents.IncidentUpdateDue;
import io.vigil.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seed 001 §4.2-4.3 and §7.1 with the clock moved to each boundary. */
class EscalationLadderTest {
    static final Signals P1 = new Signals(null, 301L, null, null, null, null);
    static final Signals P2 = new Signals(25.0, null, null, null, null, null);
    static final Signals P3 = Signals.none();

    static Duration mmss(String at) {
        String[] p = at.split(":");
        return Duration.ofMinutes(Long.parseLong(p[0])).plusSeconds(Long.parseLong(p[1]));
    }

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "P1 | 00:00 | ladder.P1.step0",
            "P1 | 14:59 | ladder.P1.step0",
            "P1 | 15:00 | ladder.P1.step0 ladder.P1.unacknowledged",
            "P1 | 29:59 | ladder.P1.step0 ladder.P1.unacknowledged",
            "P1 | 30:00 | ladder.P1.step0 ladder.P1.unacknowledged ladder.P1.step2",
            "P1 | 59:59 | ladder.P1.step0 ladder.P1.unacknowledged ladder.P1.step2",
            "P1 | 60:00 | ladder.P1.step0 ladder.P1.unacknowledged ladder.P1.step2 ladder.P1.step3",
            "P2 | 29:59 | ladder.P2.step0",
            "P2 | 30:00 | ladder.P2.step0 ladder.P2.step1",
            "P2 | 60:00 | ladder.P2.step0 ladder.P2.step1 ladder.P2.step2",
            "P3 | 59:59 | ladder.P3.step0",
            "P3 | 60:00 | ladder.P3.step0 ladder.P3.step1",
    })
    void shouldFireEachStepAtItsTimeAndNotASecondBefore(String severity, String at, String rules) {
        LadderHarness h = LadderHarness.opened(switch (severity) {
            case "P1" -> P1;
            case "P2" -> P2;
            default -> P3;
        });
        h.at(mmss(at));
        assertThat(h.escalations().stream().map(IncidentEscalated::policyRule)).containsExactlyElementsOf(Arrays.asList(rules.split(" ")));
    }

    @Test
    void shouldPageThePeopleOfEachP1StepAndNameTheRuleThatClassified() {
        LadderHarness h = LadderHarness.opened(P1);
        IncidentOpened opened = (IncidentOpened) h.events.get(0);
        assertThat(opened.severity()).isEqualTo(Severity.P1);
        assertThat(((IncidentEscalated) h.events.get(1)).severity()).isEqualTo(Severity.P1);
        assertThat(opened.policyRule()).isEqualTo("severity.P1.circuit-breaker-open");
        assertThat(opened.policyVersion()).isEqualTo(LadderHarness.POLICY.version());
        h.at(Duration.ofMinutes(60));
        assertThat(h.paged()).containsExactly(
                "ladder.P1.step0 -> ON_CALL_PRIMARY=oncall-1",
                "ladder.P1.unacknowledged -> ON_CALL_SECONDARY=oncall-2",
                "ladder.P1.step2 -> INGESTION_OWNER=ingestion-owner",
                "ladder.P1.step3 -> SRE_LEAD=sre-lead,SRE_LEAD=sre-lead-2,PRODUCT_MANAGER=product-manager");
        assertThat(h.escalations().get(1).reason()).contains("not acknowledged");
        assertThat(h.escalations().get(0).targets().get(0).dueAt()).isEqualTo(LadderHarness.OPENED.plus(Duration.ofMinutes(15)));
    }

    @Test
    void shouldStopTheUnacknowledgedPageOnceThePrimaryAcknowledgedButStillHaveTheSecondaryJoin() {
        LadderHarness h = LadderHarness.opened(P1);
        h.at(Duration.ofMinutes(10));
        h.decide(i -> i.acknowledge("oncall-1", h.now));
        h.at(Duration.ofMinutes(15));
        assertThat(h.escalations().stream().map(IncidentEscalated::policyRule)).containsExactly("ladder.P1.step0", "ladder.P1.step1");
        assertThat(h.escalations().get(1).reason()).doesNotContain("not acknowledged");
    }

    @Test
    void shouldCancelEveryRemainingStepAndUpdateOnResolve() {
        LadderHarness h = LadderHarness.opened(P1);
        h.at(Duration.ofMinutes(20));
        h.decide(i -> i.resolve("oncall-1", "bad config", "rolled back", h.now));
        assertThat(h.pendingTimers()).isZero();
        h.at(Duration.ofHours(3));
        assertThat(h.escalations()).hasSize(2);
        IncidentResolved resolved = (IncidentResolved) h.events.getLast();
        assertThat(resolved.durationSeconds()).isEqualTo(20 * 60);
        assertThatThrownBy(() -> h.decide(i -> i.acknowledge("oncall-1", h.now)))
                .isInstanceOf(RuleViolation.class).extracting("rule").isEqualTo("incident.resolved");
    }

    @Test
    void shouldAskForAnUpdateEvery30MinutesUntilResolved() {
        LadderHarness h = LadderHarness.opened(P3);
        h.at(mmss("29:59"));
        assertThat(h.events).noneMatch(IncidentUpdateDue.class::isInstance);
        h.at(Duration.ofMinutes(30));
        h.at(Duration.ofMinutes(60));
        h.at(mmss("89:59"));
        assertThat(updates(h)).containsExactly(1, 2);
        h.at(Duration.ofMinutes(90));
        assertThat(updates(h)).containsExactly(1, 2, 3);
        assertThat(((IncidentUpdateDue) h.events.stream().filter(IncidentUpdateDue.class::isInstance).findFirst().orElseThrow()).onCall())
                .isEqualTo("oncall-1");
        h.decide(i -> i.resolve("oncall-1", "x", "y", h.now));
        h.at(Duration.ofMinutes(240));
        assertThat(h.events.stream().filter(IncidentUpdateDue.class::isInstance)).hasSize(3);
    }

    @Test
    void shouldAskOnceForTheLatestUpdateWhenTheReminderFiresLate() {
        LadderHarness h = LadderHarness.opened(P3);
        h.at(Duration.ofHours(5).plusMinutes(10)); // down since before the first reminder: ten were due meanwhile
        assertThat(updates(h)).containsExactly(10);
        h.at(mmss("329:59"));
        assertThat(updates(h)).containsExactly(10);
        h.at(Duration.ofMinutes(330)); // the grid of the opening goes on
        assertThat(updates(h)).containsExactly(10, 11);
    }

    private static java.util.List<Integer> updates(LadderHarness h) {
        return h.events.stream().filter(IncidentUpdateDue.class::isInstance).map(e -> ((IncidentUpdateDue) e).updateNumber()).toList();
    }

    @Test
    void shouldEscalateByHandToTheNextStepNotReachedAndRefuseBeyondTheTop() {
        LadderHarness h = LadderHarness.opened(P3);
        h.decide(i -> i.escalate("sre-lead", "customers calling", LadderHarness.POLICY, LadderHarness.DUTY, h.now));
        assertThat(h.escalations().getLast().policyRule()).isEqualTo("ladder.P3.step1");
        assertThat(h.escalations().getLast().escalatedBy()).isEqualTo("sre-lead");
        assertThatThrownBy(() -> h.decide(i -> i.escalate("sre-lead", "again", LadderHarness.POLICY, LadderHarness.DUTY, h.now)))
                .isInstanceOf(RuleViolation.class).extracting("rule").isEqualTo("ladder.P3.step1");
        h.at(Duration.ofMinutes(60));
        assertThat(h.escalations()).hasSize(2);
    }

    @Test
    void shouldFollowTheNewLadderAfterASeverityChange() {
        LadderHarness h = LadderHarness.opened(P3);
        h.at(Duration.ofMinutes(20));
        h.decide(i -> i.changeSeverity(Severity.P1, "all uploads fail", "sre-lead", null, LadderHarness.POLICY, LadderHarness.DUTY, h.now));
        h.at(Duration.ofMinutes(20));
        assertThat(h.escalations().stream().map(IncidentEscalated::policyRule))
                .containsExactly("ladder.P3.step0", "ladder.P1.unacknowledged");
        h.at(Duration.ofMinutes(60));
        assertThat(h.escalations().stream().map(IncidentEscalated::policyRule))
                .containsExactly("ladder.P3.step0", "ladder.P1.unacknowledged", "ladder.P1.step2", "ladder.P1.step3");
    }

    @Test
    void shouldRaiseTheSeverityWhenARepeatClassifiesHigherAndOtherwiseJustJoin() {
        LadderHarness h = LadderHarness.opened(P2);
        h.decide(i -> i.alertRepeated(SeverityClassification.of(LadderHarness.POLICY.severity(), P3, null), LadderHarness.POLICY, LadderHarness.DUTY, h.now));
        assertThat(h.incident.severity()).isEqualTo(Severity.P2);
        h.decide(i -> i.alertRepeated(SeverityClassification.of(LadderHarness.POLICY.severity(), P1, null), LadderHarness.POLICY, LadderHarness.DUTY, h.now));
        assertThat(h.incident.severity()).isEqualTo(Severity.P1);
    }

    @Test
    void shouldResolveByItselfOnlyWhenNoneOfItsAlertsFires() {
        LadderHarness h = new LadderHarness();
        h.decide(i -> i.open(new OpenIncident("inc-1", "ingest", "t", List.of("a", "b"), null, null, null),
                SeverityClassification.of(LadderHarness.POLICY.severity(), P2, null), LadderHarness.POLICY, LadderHarness.DUTY, h.now));
        h.decide(i -> i.alertResolved(Set.of("b"), h.now));
        assertThat(h.incident.resolved()).isFalse();
        h.decide(i -> i.alertResolved(Set.of("other-incident-alert"), h.now));
        assertThat(h.incident.resolved()).isTrue();
        assertThat(h.pendingTimers()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"fp-1a2b, true", "inc-42, false", "roster/oncall, false", "deploy-window/dep-1, false", "incident-x, true"})
    void shouldKeepAlertKeysApartFromOtherAggregateIds(String key, boolean usable) {
        assertThat(Alert.isUsableKey(key)).isEqualTo(usable);
    }

    @Test
    void shouldCountAlertRepeatsOnTheAlertStream() {
        Alert a = Alert.KIND.initial("k");
        a = Alert.KIND.apply(a, new io.vigil.events.alerts.AlertRaised("k", "m", "s", "t", null, null, P3, null, LadderHarness.OPENED));
        a = Alert.KIND.apply(a, new io.vigil.events.alerts.AlertRaised("k", "m", "s", "t", null, null, P3, null, LadderHarness.OPENED));
        assertThat(a.firing()).isTrue();
        assertThat(a.raised()).isEqualTo(2);
        a = Alert.KIND.apply(a, new io.vigil.events.alerts.AlertResolved("k", "m", "s", LadderHarness.OPENED));
        assertThat(a.firing()).isFalse();
    }
}
