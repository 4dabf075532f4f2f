package io.vigil.notification.domain;

import java.time.Duration;

/** Seed 001 §7.3 writes durations as "X hours Y minutes". */
public final class DurationText {
    private DurationText() {
    }

    public static String of(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long hours = minutes / 60;
        long rest = minutes % 60;
        return hours + (hours == 1 ? " hour " : " hours ") + rest + (rest == 1 ? " minute" : " minutes");
    }
}
