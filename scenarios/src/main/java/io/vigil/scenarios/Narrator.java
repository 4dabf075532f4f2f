package io.vigil.scenarios;

import java.io.PrintStream;
import java.time.Instant;

/** Tells what a scenario does as it goes: steps, what the system answered, where to look. Silent in tests unless asked. */
public final class Narrator {
    private final PrintStream out;

    private Narrator(PrintStream out) {
        this.out = out;
    }

    public static Narrator to(PrintStream out) {
        return new Narrator(out);
    }

    public static Narrator silent() {
        return new Narrator(null);
    }

    public void scenario(String title) {
        say("\n== " + title);
    }

    public void step(Instant at, String what) {
        say("  [" + at + "] " + what);
    }

    public void saw(String what) {
        say("      ✓ " + what);
    }

    public void look(String where) {
        say("      → " + where);
    }

    public void block(String text) {
        for (String line : text.split("\n")) {
            say("      | " + line);
        }
    }

    private void say(String line) {
        if (out != null) {
            out.println(line);
            out.flush();
        }
    }
}
