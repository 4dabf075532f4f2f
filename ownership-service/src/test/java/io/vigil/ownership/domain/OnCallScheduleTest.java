package io.vigil.ownership.domain;

import io.vigil.events.EventPayload;
import io.vigil.events.roster.OnCallSlot;
import io.vigil.events.roster.OverrideSet;
import io.vigil.events.roster.RotationScheduled;
import io.vigil.events.roster.ShiftStarted;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.domain.RuleViolation;
import io.vigil.platform.domain.TimerChange;
import io.vigil.policy.PolicyRule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schedule's rules with a moved clock: gap-free from its first week on, overrides, shifts at every edge. */
class OnCallScheduleTest {
    static final OnCallRules RULES = new OnCallRules(RotationCalendarTest.BERLIN,
            new PolicyRule("oncall.rotation", "test-1"), new PolicyRule("oncall.no-gap", "test-1"));
    static final Predicate<String> REGISTERED = Set.of("oncall-1", "oncall-2", "oncall-3", "oncall-4")::contains;
    static final LocalDate W1 = LocalDate.parse("2026-11-23"); // starts 08:00Z (09:00 CET)
    static final LocalDate W2 = W1.plusWeeks(1);
    static final LocalDate W3 = W1.plusWeeks(2);
    static final Instant H1 = Instant.parse("2026-11-23T08:00:00Z");
    static final Instant H2 = Instant.parse("2026-11-30T08:00:00Z");
    static final Instant H3 = Instant.parse("2026-12-07T08:00:00Z");
    static final Instant BEFORE = Instant.parse("2026-11-20T12:00:00Z");

    OnCallSchedule state = OnCallSchedule.KIND.initial(OnCallSchedule.ID);

    Decision apply(Decision decision) {
        for (EventPayload e : decision.events()) {
            state = OnCallSchedule.KIND.apply(state, e);
        }
        return decision;
    }

    Decision week(LocalDate start, String primary, String secondary, Instant now) {
        return apply(state.schedule(new ScheduleRotation(start, primary, secondary), RULES, REGISTERED, now));
    }

    Decision override(String id, OnCallSlot slot, String person, Instant from, Instant to, Instant now) {
        return apply(state.override(new SetOverride(id, slot, person, from, to, "swap"), RULES, REGISTERED, now));
    }

    void twoWeeks() {
        week(W1, "oncall-1", "oncall-2", BEFORE);
        week(W2, "oncall-3", "oncall-4", BEFORE);
    }

    @Test
    void shouldAcceptTheFirstWeekAndNameTheRuleAndHandover() {
        Decision d = week(W1, "oncall-1", "oncall-2", BEFORE);

        assertThat(d.rule()).isEqualTo(RULES.noGap());
        assertThat(d.events()).singleElement().isInstanceOfSatisfying(RotationScheduled.class, r -> {
            assertThat(r.startsAt()).isEqualTo(H1);
            assertThat(r.endsAt()).isEqualTo(H2);
            assertThat(r.timeZone()).isEqualTo("Europe/Berlin");
            assertThat(r.policyRule()).isEqualTo("oncall.no-gap");
            assertThat(r.policyVersion()).isEqualTo("test-1");
        });
        assertThat(d.timers()).containsExactly(new TimerChange.Cancel(OnCallSchedule.SHIFT_TIMER),
                new TimerChange.Schedule(OnCallSchedule.SHIFT_TIMER, H1, null));
    }

    @Test
    void shouldAnnounceTheCurrentShiftAtOnceWhenTheFirstWeekHasBegun() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        Decision d = week(W1, "oncall-1", "oncall-2", now);
        assertThat(d.timers()).last().isEqualTo(new TimerChange.Schedule(OnCallSchedule.SHIFT_TIMER, now, null));
    }

    @Test
    void shouldRefuseAWeekThatLeavesAGapNamingIt() {
        week(W1, "oncall-1", "oncall-2", BEFORE);
        assertThatThrownBy(() -> week(W3, "oncall-3", "oncall-4", BEFORE))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("oncall.no-gap"))
                .hasMessageContaining("[" + H2 + ", " + H3 + ")");
        week(W2, "oncall-3", "oncall-4", BEFORE);
        week(W3, "oncall-1", "oncall-2", BEFORE);
        week(W1.minusWeeks(1), "oncall-4", "oncall-3", Instant.parse("2026-11-17T12:00:00Z"));
        assertThat(state.rotations()).hasSize(4);
    }

    @Test
    void shouldRefuseTheSamePersonInBothSlotsAnUnregisteredPersonAndAWeekThatIsOver() {
        assertThatThrownBy(() -> week(W1, "oncall-1", "oncall-1", BEFORE))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("oncall.rotation"));
        assertThatThrownBy(() -> week(W1, "oncall-1", "stranger", BEFORE))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("person-registered"))
                .hasMessageContaining("stranger");
        assertThatThrownBy(() -> week(W1, "oncall-1", "oncall-2", H2))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("oncall.rotation"));
        assertThatThrownBy(() -> week(W1.plusDays(1), "oncall-1", "oncall-2", BEFORE)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void shouldDecideNothingForTheSameWeekTwice() {
        week(W1, "oncall-1", "oncall-2", BEFORE);
        assertThat(week(W1, "oncall-1", "oncall-2", BEFORE).isEmpty()).isTrue();
        assertThat(week(W1, "oncall-2", "oncall-1", BEFORE).events()).hasSize(1);
    }

    @Test
    void shouldHandOverAtNineNotASecondEarlier() {
        twoWeeks();
        OnCallTimeline t = state.timeline();
        assertThat(t.coverAt(H2.minusSeconds(1))).get().satisfies(c -> {
            assertThat(c.primary()).isEqualTo("oncall-1");
            assertThat(c.until()).isEqualTo(H2);
        });
        assertThat(t.coverAt(H2)).get().satisfies(c -> {
            assertThat(c.primary()).isEqualTo("oncall-3");
            assertThat(c.from()).isEqualTo(H2);
        });
        assertThat(t.coverAt(H1.minusSeconds(1))).isEmpty();
        assertThat(t.coverAt(H3)).isEmpty();
    }

    @Test
    void shouldOverrideOneSlotNamingWhomItReplaces() {
        twoWeeks();
        Instant from = Instant.parse("2026-11-24T08:00:00Z");
        Instant to = Instant.parse("2026-11-25T08:00:00Z");
        Decision d = override("o1", OnCallSlot.PRIMARY, "oncall-3", from, to, BEFORE);

        assertThat(d.events()).singleElement().isInstanceOfSatisfying(OverrideSet.class, o -> {
            assertThat(o.replaces()).isEqualTo("oncall-1");
            assertThat(o.policyRule()).isEqualTo("oncall.no-gap");
        });
        List<Cover> covers = state.timeline().covers(H1, H2);
        assertThat(covers).extracting(Cover::from).containsExactly(H1, from, to);
        assertThat(covers).extracting(Cover::primary).containsExactly("oncall-1", "oncall-3", "oncall-1");
        assertThat(covers).extracting(Cover::secondary).containsOnly("oncall-2");
        assertThat(covers.get(1).overrideIds()).containsExactly("o1");
    }

    @Test
    void shouldCutExactlyAtAHandoverWhenAnOverrideStartsOrEndsThere() {
        twoWeeks();
        override("o1", OnCallSlot.SECONDARY, "oncall-4", Instant.parse("2026-11-29T08:00:00Z"), H2, BEFORE);
        override("o2", OnCallSlot.PRIMARY, "oncall-2", H2, Instant.parse("2026-12-01T08:00:00Z"), BEFORE);

        List<Cover> covers = state.timeline().covers(Instant.parse("2026-11-29T08:00:00Z"), Instant.parse("2026-12-02T08:00:00Z"));
        assertThat(covers).extracting(Cover::from).containsExactly(Instant.parse("2026-11-29T08:00:00Z"), H2,
                Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(covers).extracting(c -> c.primary() + "/" + c.secondary())
                .containsExactly("oncall-1/oncall-4", "oncall-2/oncall-4", "oncall-3/oncall-4");
        assertThat(covers).extracting(Cover::weekStart).containsExactly(W1, W2, W2);
    }

    @Test
    void shouldLetANestedOverrideWinInsideAndTheOuterHoldAroundIt() {
        twoWeeks();
        Instant a = Instant.parse("2026-11-24T00:00:00Z");
        Instant b = Instant.parse("2026-11-25T00:00:00Z");
        Instant c = Instant.parse("2026-11-26T00:00:00Z");
        Instant d = Instant.parse("2026-11-27T00:00:00Z");
        override("outer", OnCallSlot.PRIMARY, "oncall-3", a, d, BEFORE);
        override("inner", OnCallSlot.PRIMARY, "oncall-4", b, c, BEFORE);

        assertThat(state.timeline().covers(a, d)).extracting(Cover::primary).containsExactly("oncall-3", "oncall-4", "oncall-3");
        assertThat(state.timeline().coverAt(d)).get().extracting(Cover::primary).isEqualTo("oncall-1");
    }

    @Test
    void shouldLetTheLaterOfTwoOverlappingOverridesWin() {
        twoWeeks();
        Instant a = Instant.parse("2026-11-24T00:00:00Z");
        Instant b = Instant.parse("2026-11-25T00:00:00Z");
        Instant c = Instant.parse("2026-11-26T00:00:00Z");
        override("first", OnCallSlot.PRIMARY, "oncall-3", a, c, BEFORE);
        override("second", OnCallSlot.PRIMARY, "oncall-4", b, Instant.parse("2026-11-27T00:00:00Z"), BEFORE);

        assertThat(state.timeline().covers(a, Instant.parse("2026-11-27T00:00:00Z")))
                .extracting(Cover::primary).containsExactly("oncall-3", "oncall-4", "oncall-4");
    }

    @Test
    void shouldRefuseAnOverrideBeyondTheScheduleNamingTheUncoveredInterval() {
        twoWeeks();
        Instant to = H3.plusSeconds(3600);
        assertThatThrownBy(() -> override("o", OnCallSlot.PRIMARY, "oncall-1", H3.minusSeconds(3600), to, BEFORE))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("oncall.no-gap"))
                .hasMessageContaining("[" + H3 + ", " + to + ")");
        assertThat(state.overrides()).isEmpty();
    }

    @Test
    void shouldRefuseAnOverrideThatPutsOnePersonInBothSlots() {
        twoWeeks();
        assertThatThrownBy(() -> override("o", OnCallSlot.PRIMARY, "oncall-2", H1, H1.plusSeconds(60), BEFORE))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("oncall.rotation"))
                .hasMessageContaining("oncall-2");
    }

    @Test
    void shouldRefuseAnOverrideThatIsOver() {
        twoWeeks();
        assertThatThrownBy(() -> override("o", OnCallSlot.PRIMARY, "oncall-3", H1, H1.plusSeconds(60), H1.plusSeconds(60)))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void shouldAnnounceEachShiftOnceAndSetTheTimerToTheNextEdge() {
        twoWeeks();
        Instant swapFrom = Instant.parse("2026-11-24T08:00:00Z");
        Instant swapTo = Instant.parse("2026-11-25T08:00:00Z");
        override("o1", OnCallSlot.PRIMARY, "oncall-3", swapFrom, swapTo, BEFORE);

        Decision first = apply(state.announceShift(H1, RULES));
        assertThat(first.rule()).isEqualTo(RULES.rotation());
        assertThat(first.events()).singleElement().isInstanceOfSatisfying(ShiftStarted.class, s -> {
            assertThat(s.primary()).isEqualTo("oncall-1");
            assertThat(s.from()).isEqualTo(H1);
            assertThat(s.to()).isEqualTo(swapFrom);
            assertThat(s.weekStart()).isEqualTo(W1);
            assertThat(s.policyRule()).isEqualTo("oncall.rotation");
        });
        assertThat(first.timers()).containsExactly(new TimerChange.Schedule(OnCallSchedule.SHIFT_TIMER, swapFrom, null));
        assertThat(apply(state.announceShift(H1, RULES)).events()).isEmpty();

        Decision swap = apply(state.announceShift(swapFrom, RULES));
        assertThat(swap.events()).singleElement().isInstanceOfSatisfying(ShiftStarted.class, s -> {
            assertThat(s.primary()).isEqualTo("oncall-3");
            assertThat(s.overrideIds()).containsExactly("o1");
        });
        assertThat(apply(state.announceShift(swapTo, RULES)).events()).singleElement()
                .isInstanceOfSatisfying(ShiftStarted.class, s -> assertThat(s.primary()).isEqualTo("oncall-1"));
        Decision handover = apply(state.announceShift(H2, RULES));
        assertThat(handover.events()).singleElement().isInstanceOfSatisfying(ShiftStarted.class, s -> {
            assertThat(s.primary()).isEqualTo("oncall-3");
            assertThat(s.secondary()).isEqualTo("oncall-4");
            assertThat(s.weekStart()).isEqualTo(W2);
        });
        assertThat(handover.timers()).containsExactly(new TimerChange.Schedule(OnCallSchedule.SHIFT_TIMER, H3, null));
        Decision end = apply(state.announceShift(H3, RULES));
        assertThat(end.isEmpty()).isTrue();
    }

    @Test
    void shouldNotReannounceTheCurrentShiftWhenAFutureWeekIsAdded() {
        week(W1, "oncall-1", "oncall-2", BEFORE);
        apply(state.announceShift(H1, RULES));
        Decision d = week(W2, "oncall-3", "oncall-4", Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(d.timers()).last().isEqualTo(new TimerChange.Schedule(OnCallSchedule.SHIFT_TIMER, H2, null));
    }

    @Test
    void shouldStartAfreshWhenTheScheduleHasLapsed() {
        week(W1, "oncall-1", "oncall-2", BEFORE);
        Instant later = Instant.parse("2026-12-16T10:00:00Z"); // W1 ended two weeks ago
        LocalDate current = LocalDate.parse("2026-12-14");
        Decision d = week(current, "oncall-3", "oncall-4", later);
        assertThat(d.events()).hasSize(1);
        assertThat(state.timeline().coverAt(later)).get().extracting(Cover::primary).isEqualTo("oncall-3");
    }

    @Test
    void shouldStartTheShiftAtNineLocalAfterLordHoweMovesHalfAnHour() {
        OnCallRules lordHowe = new OnCallRules(RotationCalendarTest.in("Australia/Lord_Howe"), RULES.rotation(), RULES.noGap());
        LocalDate before = LocalDate.parse("2026-09-28");
        Instant now = Instant.parse("2026-09-20T00:00:00Z");
        apply(state.schedule(new ScheduleRotation(before, "oncall-1", "oncall-2"), lordHowe, REGISTERED, now));
        apply(state.schedule(new ScheduleRotation(before.plusWeeks(1), "oncall-3", "oncall-4"), lordHowe, REGISTERED, now));
        Instant handover = Instant.parse("2026-10-04T22:00:00Z"); // 09:00 at +11:00; the week began at 09:00 +10:30

        assertThat(state.timeline().coverAt(handover.minusSeconds(1))).get().extracting(Cover::primary).isEqualTo("oncall-1");
        Decision shift = apply(state.announceShift(handover, lordHowe));
        assertThat(shift.events()).singleElement().isInstanceOfSatisfying(ShiftStarted.class, s -> {
            assertThat(s.primary()).isEqualTo("oncall-3");
            assertThat(s.from()).isEqualTo(handover);
            assertThat(s.to()).isEqualTo(Instant.parse("2026-10-11T22:00:00Z"));
        });
    }
}
