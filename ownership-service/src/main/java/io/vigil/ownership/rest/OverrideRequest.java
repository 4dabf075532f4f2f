package io.vigil.ownership.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/** Body of {@code POST /oncall/overrides}: {@code person} holds {@code slot} for [from, to). */
public record OverrideRequest(
        @NotNull @Pattern(regexp = "primary|secondary", message = "must be primary or secondary") String slot,
        @NotBlank String person,
        @NotNull Instant from,
        @NotNull Instant to,
        @NotBlank String reason) {
}
