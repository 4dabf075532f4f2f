package io.vigil.ownership.domain;

import java.time.LocalDate;

/** Put {@code primary} and {@code secondary} on call for the week starting on {@code weekStart}. */
public record ScheduleRotation(LocalDate weekStart, String primary, String secondary) {
}
