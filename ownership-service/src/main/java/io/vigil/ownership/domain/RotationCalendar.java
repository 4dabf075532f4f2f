package io.vigil.ownership.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When rotation weeks hand over (seed 001 §3.2): on {@code handoverDay} at {@code handoverTime} local time in
 * {@code zone}, every {@code length} (a whole number of days). Instants are reckoned through the zone's rules, so
 * the handover stays at 09:00 local across daylight-saving changes and a week is then 167 h, 169 h or, on Lord
 * Howe Island, 167.5 h long.
 */
public record RotationCalendar(Duration length, DayOfWeek handoverDay, LocalTime handoverTime, ZoneId zone) {

    public boolean isWeekStart(LocalDate date) {
        return date.getDayOfWeek() == handoverDay;
    }

    /** The handover that starts the week of {@code weekStart}. */
    public Instant startOf(LocalDate weekStart) {
        return ZonedDateTime.of(weekStart, handoverTime, zone).toInstant();
    }

    /** The handover that ends the week of {@code weekStart}. */
    public Instant endOf(LocalDate weekStart) {
        return startOf(next(weekStart));
    }

    public LocalDate next(LocalDate weekStart) {
        return weekStart.plusDays(length.toDays());
    }

    public LocalDate previous(LocalDate weekStart) {
        return weekStart.minusDays(length.toDays());
    }

    /** The week start whose [handover, next handover) holds {@code instant}. */
    public LocalDate weekContaining(Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        while (day.getDayOfWeek() != handoverDay) {
            day = day.minusDays(1);
        }
        return instant.isBefore(startOf(day)) ? previous(day) : day;
    }
}
