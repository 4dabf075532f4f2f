package io.vigil.ownership.rest;

import jakarta.validation.constraints.NotBlank;

/** Body of {@code PUT /oncall/rotations/{weekStart}}. */
public record RotationRequest(@NotBlank String primary, @NotBlank String secondary) {
}
