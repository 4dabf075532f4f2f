package io.vigil.ownership.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Map;

/** Bodies of the commands on a deploy's window ({@code /deploys/{id}/...}). */
public final class WindowRequests {
    private WindowRequests() {
    }

    /** {@code reason} is checked by the handoff rule, which names itself when it is missing. */
    public record Handoff(@NotBlank String to, @Size(max = 2000) String reason) {
    }

    public record Check(@Size(max = 2000) String note, @Min(0) Integer deadLetterCount, Boolean errorRateStable) {
    }

    public record CheckpointItems(@NotNull Map<String, Object> items) {
    }

    public record SignOff(@NotBlank @Size(max = 4000) String comment) {
    }

    public record Postmortem(@NotBlank @Pattern(regexp = "https?://\\S+", message = "must be the http(s) URL of the document (e.g. its docs/incidents/… file in the repository)") String docUrl) {
    }

    public record Rollout(
            @NotNull @DecimalMin("0") @DecimalMax("100") Double percent,
            @NotNull @DecimalMin("0") @DecimalMax("100") Double errorRatePct,
            @NotNull @DecimalMin("0") @DecimalMax("100") Double baselineErrorRatePct,
            @NotNull @DecimalMin("0") Double p99Ms,
            @NotNull @DecimalMin("0") Double baselineP99Ms,
            @NotNull @Min(0) Integer failedHealthChecks,
            @NotNull @Min(0) Long observedForSeconds,
            @Pattern(regexp = "patch|minor|major", message = "must be patch, minor or major") String releaseType,
            Instant stageStartedAt) {
    }
}
