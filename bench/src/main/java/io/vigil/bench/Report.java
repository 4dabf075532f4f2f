package io.vigil.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one run side by side, each with its target where it has one. Targets are printed, never
 * asserted: "met" says yes or NO, and the exit code does not depend on it.
 */
final class Report {
    private sealed interface Line permits Section, Figure, Note {
    }

    private record Section(String title) implements Line {
    }

    private record Figure(String label, String value, String target, Boolean met) implements Line {
    }

    private record Note(String text) implements Line {
    }

    private final List<String> header = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();

    synchronized void header(String text) {
        header.add(text);
    }

    synchronized void section(String title) {
        lines.add(new Section(title));
    }

    synchronized void figure(String label, String value) {
        lines.add(new Figure(label, value, "", null));
    }

    synchronized void figure(String label, String value, String target, boolean met) {
        lines.add(new Figure(label, value, target, met));
    }

    synchronized void note(String text) {
        lines.add(new Note(text));
    }

    static String rate(double perSecond, String unit) {
        return Double.isNaN(perSecond) ? "n/a" : String.format(Locale.ROOT, "%,.0f %s", perSecond, unit);
    }

    static String num(double value, String format) {
        return String.format(Locale.ROOT, format, value);
    }

    synchronized void print(PrintStream out) {
        String rule = "-".repeat(116);
        out.println();
        out.println(rule);
        header.forEach(out::println);
        out.println(rule);
        out.printf(Locale.ROOT, "%-54s %-30s %-22s %s%n", "figure", "value", "target", "met");
        for (Line line : lines) {
            switch (line) {
                case Section s -> out.printf("%n%s%n", s.title());
                case Figure f -> out.printf(Locale.ROOT, "  %-52s %-30s %-22s %s%n", f.label(), f.value(), f.target(),
                        f.met() == null ? "" : f.met() ? "yes" : "NO");
                case Note n -> out.printf("  %s%n", n.text());
            }
        }
        out.println(rule);
    }
}
