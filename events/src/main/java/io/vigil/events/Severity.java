package io.vigil.events;

/**
 * Incident severity (seed 001 §4.1), written as {@code "P1"}, {@code "P2"}, {@code "P3"}.
 * P1 is the most severe.
 */
public enum Severity {
    /** System down, data at risk, all clients affected. */
    P1,
    /** Major degradation, several clients affected. */
    P2,
    /** Minor issue, a single client or limited impact. */
    P3;

    /** True when this severity is strictly more severe than {@code other} (P1 is more severe than P2). */
    public boolean moreSevereThan(Severity other) {
        return ordinal() < other.ordinal();
    }
}
