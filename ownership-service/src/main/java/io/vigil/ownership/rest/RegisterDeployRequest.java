package io.vigil.ownership.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Map;

/** Body of {@code POST /deploys}; {@code preDeploy} confirms the pre-deploy checklist items by their key. */
public record RegisterDeployRequest(
        @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "may contain letters, digits and . _ : - only") String deployId,
        @NotBlank String service,
        @NotBlank String version,
        @NotBlank String environment,
        @NotBlank String mergedBy,
        String owner,
        @NotBlank @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String prUrl,
        @NotNull Boolean stagingReportPassed,
        @NotBlank @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String rollbackPlanUrl,
        Instant startedAt,
        Map<String, Boolean> preDeploy,
        @Pattern(regexp = "patch|minor|major", message = "must be patch, minor or major") String releaseType,
        Boolean emergency) {
}
