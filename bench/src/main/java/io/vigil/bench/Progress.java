package io.vigil.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** One line per step on stdout, with the time of day, so a slow step shows while it runs. */
final class Progress {
    static void say(String format, Object... args) {
        System.out.println("[bench " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + String.format(java.util.Locale.ROOT, format, args));
    }

    private Progress() {
    }
}
