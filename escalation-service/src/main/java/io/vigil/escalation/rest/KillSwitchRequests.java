package io.vigil.escalation.rest;

import io.vigil.escalation.domain.KillSwitchRequest;
import io.vigil.events.Severity;
import io.vigil.events.killswitch.KillSwitchAction;
import io.vigil.events.killswitch.KillSwitchScenario;
import io.vigil.events.killswitch.Verification;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/** Bodies of the kill-switch commands (DESIGN §8). Who asks is the token's subject, never a field. */
public final class KillSwitchRequests {
    private KillSwitchRequests() {
    }

    public record Create(@NotNull KillSwitchAction action, @NotBlank String scope, @NotNull KillSwitchScenario scenario,
                         @NotBlank String reason, @NotNull Severity severity, Integer durationMinutes, Instant startsAt) {
        KillSwitchRequest command() {
            return new KillSwitchRequest(action, scope, scenario, reason, severity, durationMinutes, startsAt);
        }
    }

    public record Approve(String comment) {
    }

    public record Resume(@NotNull Verification verification) {
    }
}
