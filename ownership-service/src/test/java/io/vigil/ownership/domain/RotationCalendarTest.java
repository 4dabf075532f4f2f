package io.vigil.ownership.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Handover Monday 09:00 local, also across daylight-saving changes. */
class RotationCalendarTest {
    static RotationCalendar in(String zone) {
        return new RotationCalendar(Duration.ofDays(7), DayOfWeek.MONDAY, LocalTime.of(9, 0), ZoneId.of(zone));
    }

    static final RotationCalendar BERLIN = in("Europe/Berlin");

    @Test
    void shouldHandOverAtNineLocalExactly() {
        LocalDate week = LocalDate.parse("2026-11-23");
        assertThat(BERLIN.startOf(week)).isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
        assertThat(BERLIN.weekContaining(Instant.parse("2026-11-30T07:59:59Z"))).isEqualTo(week);
        assertThat(BERLIN.weekContaining(Instant.parse("2026-11-30T08:00:00Z"))).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(BERLIN.weekContaining(Instant.parse("2026-11-26T12:00:00Z"))).isEqualTo(week);
    }

    @Test
    void shouldKeepNineLocalInBerlinSummerTime() {
        assertThat(BERLIN.weekContaining(Instant.parse("2027-06-07T06:59:59Z"))).isEqualTo(LocalDate.parse("2027-05-31"));
        assertThat(BERLIN.weekContaining(Instant.parse("2027-06-07T07:00:00Z"))).isEqualTo(LocalDate.parse("2027-06-07"));
    }

    @Test
    void shouldShortenTheBerlinWeekOfTheSpringChangeAndLengthenTheAutumnOne() {
        LocalDate spring = LocalDate.parse("2027-03-22"); // clocks go forward on Sunday 2027-03-28
        assertThat(BERLIN.startOf(spring)).isEqualTo(Instant.parse("2027-03-22T08:00:00Z"));
        assertThat(BERLIN.endOf(spring)).isEqualTo(Instant.parse("2027-03-29T07:00:00Z"));
        assertThat(Duration.between(BERLIN.startOf(spring), BERLIN.endOf(spring))).isEqualTo(Duration.ofHours(167));

        LocalDate autumn = LocalDate.parse("2026-10-19"); // clocks go back on Sunday 2026-10-25
        assertThat(Duration.between(BERLIN.startOf(autumn), BERLIN.endOf(autumn))).isEqualTo(Duration.ofHours(169));
        assertThat(BERLIN.endOf(autumn)).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
    }

    @Test
    void shouldFollowNewYorkAcrossItsChanges() {
        RotationCalendar newYork = in("America/New_York");
        LocalDate spring = LocalDate.parse("2027-03-08"); // DST from Sunday 2027-03-14
        assertThat(newYork.startOf(spring)).isEqualTo(Instant.parse("2027-03-08T14:00:00Z"));
        assertThat(newYork.endOf(spring)).isEqualTo(Instant.parse("2027-03-15T13:00:00Z"));
        LocalDate autumn = LocalDate.parse("2027-11-01"); // back on Sunday 2027-11-07
        assertThat(newYork.endOf(autumn)).isEqualTo(Instant.parse("2027-11-08T14:00:00Z"));
        assertThat(newYork.weekContaining(Instant.parse("2027-11-08T13:59:59Z"))).isEqualTo(autumn);
        assertThat(newYork.weekContaining(Instant.parse("2027-11-08T14:00:00Z"))).isEqualTo(LocalDate.parse("2027-11-08"));
    }

    @Test
    void shouldMoveHalfAnHourOnLordHowe() {
        RotationCalendar lordHowe = in("Australia/Lord_Howe"); // +10:30, +11:00 in summer
        LocalDate spring = LocalDate.parse("2026-09-28"); // summer time from Sunday 2026-10-04
        assertThat(lordHowe.startOf(spring)).isEqualTo(Instant.parse("2026-09-27T22:30:00Z"));
        assertThat(lordHowe.endOf(spring)).isEqualTo(Instant.parse("2026-10-04T22:00:00Z"));
        assertThat(Duration.between(lordHowe.startOf(spring), lordHowe.endOf(spring))).isEqualTo(Duration.ofMinutes(167 * 60 + 30));
        LocalDate autumn = LocalDate.parse("2027-03-29"); // back to +10:30 on Sunday 2027-04-04
        assertThat(Duration.between(lordHowe.startOf(autumn), lordHowe.endOf(autumn))).isEqualTo(Duration.ofMinutes(168 * 60 + 30));
        assertThat(lordHowe.weekContaining(Instant.parse("2026-10-04T21:59:59Z"))).isEqualTo(spring);
        assertThat(lordHowe.weekContaining(Instant.parse("2026-10-04T22:00:00Z"))).isEqualTo(LocalDate.parse("2026-10-05"));
    }

    @Test
    void shouldKnowWhichDaysStartAWeek() {
        assertThat(BERLIN.isWeekStart(LocalDate.parse("2026-11-23"))).isTrue();
        assertThat(BERLIN.isWeekStart(LocalDate.parse("2026-11-24"))).isFalse();
    }
}
