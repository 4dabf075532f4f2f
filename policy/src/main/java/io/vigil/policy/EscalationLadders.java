package io.vigil.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The escalation ladder of each severity (DESIGN §3, seed 001 §4.2-4.3). */
public record EscalationLadders(
        @JsonProperty("P1") Ladder p1,
        @JsonProperty("P2") Ladder p2,
        @JsonProperty("P3") Ladder p3) {

    /** The ladder of {@code P1}, {@code P2} or {@code P3}. */
    public Ladder of(String severity) {
        return switch (severity) {
            case "P1" -> p1;
            case "P2" -> p2;
            case "P3" -> p3;
            default -> throw new IllegalArgumentException("no ladder for severity " + severity);
        };
    }
}
