package io.vigil.escalation.rest;

import io.vigil.events.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Bodies of the incident commands (DESIGN §8). */
public final class IncidentRequests {
    private IncidentRequests() {
    }

    public record Resolve(@NotBlank String rootCause, @NotBlank String resolution) {
    }

    public record Escalate(@NotBlank String reason) {
    }

    public record ChangeSeverity(@NotNull Severity severity, @NotBlank String reason) {
    }
}
