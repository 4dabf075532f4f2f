package io.vigil.ownership.domain;

import io.vigil.policy.CheckCadence;
import io.vigil.policy.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CheckScheduleTest {
    static final Instant T0 = Instant.parse("2026-11-22T14:00:00Z");
    static final StabilizationWindow WINDOW = StabilizationWindow.from(T0, Duration.ofHours(48));
    static final CheckCadence CADENCE = new PolicyLoader().loadDefault().policy().ownership().checks();

    static CheckSchedule.Due after(Duration sinceStart) {
        return CheckSchedule.after(T0.plus(sinceStart), WINDOW, CADENCE).orElseThrow();
    }

    @Test
    void shouldAskForACheckEvery15MinutesUntilJustBeforeT4() {
        CheckSchedule.Due first = CheckSchedule.after(T0, WINDOW, CADENCE).orElseThrow();
        assertThat(first.dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(first.ruleId()).isEqualTo("ownership.check.T0-T4");

        CheckSchedule.Due last = after(Duration.ofHours(4).minusSeconds(1));
        assertThat(last.every()).isEqualTo(Duration.ofMinutes(15));
        assertThat(last.dueAt()).isEqualTo(T0.plus(Duration.ofHours(4).plusMinutes(15).minusSeconds(1)));
    }

    @Test
    void shouldSwitchToTwoHoursAtT4Exactly() {
        CheckSchedule.Due due = after(Duration.ofHours(4));
        assertThat(due.every()).isEqualTo(Duration.ofHours(2));
        assertThat(due.ruleId()).isEqualTo("ownership.check.T4-T24");
        assertThat(due.dueAt()).isEqualTo(T0.plus(Duration.ofHours(6)));
    }

    @Test
    void shouldSwitchToFourHoursAtT24Exactly() {
        assertThat(after(Duration.ofHours(24).minusSeconds(1)).every()).isEqualTo(Duration.ofHours(2));
        CheckSchedule.Due due = after(Duration.ofHours(24));
        assertThat(due.every()).isEqualTo(Duration.ofHours(4));
        assertThat(due.ruleId()).isEqualTo("ownership.check.T24-T48");
    }

    @Test
    void shouldGraceAQuarterInterval() {
        assertThat(CheckSchedule.after(T0, WINDOW, CADENCE).orElseThrow().missedAt())
                .isEqualTo(T0.plus(Duration.ofMinutes(18).plusSeconds(45)));
        assertThat(after(Duration.ofHours(4)).grace()).isEqualTo(Duration.ofMinutes(30));
        assertThat(after(Duration.ofHours(24)).grace()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldAskForNoCheckDueAtOrAfterTheWindowsEnd() {
        assertThat(after(Duration.ofHours(44).minusSeconds(1)).dueAt()).isEqualTo(T0.plus(Duration.ofHours(48).minusSeconds(1)));
        assertThat(CheckSchedule.after(T0.plus(Duration.ofHours(44)), WINDOW, CADENCE)).isEmpty();
        assertThat(CheckSchedule.after(T0.plus(Duration.ofHours(48)), WINDOW, CADENCE)).isEmpty();
    }
}
