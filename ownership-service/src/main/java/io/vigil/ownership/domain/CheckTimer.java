package io.vigil.ownership.domain;

import java.time.Duration;
import java.time.Instant;

/** The payload of a check's deadline timer: the due time, the interval and grace in force, and the band's rule. */
final class CheckTimer {
    private CheckTimer() {
    }

    static String payload(CheckSchedule.Due due) {
        return due.dueAt() + " " + due.every() + " " + due.grace() + " " + due.ruleId();
    }

    static CheckSchedule.Due parse(String payload) {
        String[] parts = payload.split(" ");
        return new CheckSchedule.Due(Instant.parse(parts[0]), Duration.parse(parts[1]), Duration.parse(parts[2]), parts[3]);
    }
}
