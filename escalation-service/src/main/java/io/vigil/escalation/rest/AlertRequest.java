package io.vigil.escalation.rest;

import io.vigil.events.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code POST /alerts} (DESIGN §8). */
public record AlertRequest(
        @NotBlank String alertKey,
        @NotNull @Pattern(regexp = "firing|resolved", message = "must be firing or resolved") String status,
        @NotBlank String source,
        @NotBlank String service,
        String title,
        String description,
        Severity severity,
        @Valid SignalsRequest signals,
        String url) {

    public record SignalsRequest(Double errorRatePct, Long circuitBreakerOpenSeconds, Boolean dataCorruptionSuspected,
                                 Integer affectedClients, Boolean allClientsAffected,
                                 @Pattern(regexp = "global|workspace:.+", message = "must be global or workspace:<id>") String scope) {
    }
}
