package io.vigil.ownership.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/** Body of {@code PUT /people/{username}}: the person as they should be from now on. */
public record PersonRequest(
        @NotBlank String name,
        @NotBlank @Pattern(regexp = "[^@\\s]+@[^@\\s]+", message = "must be an e-mail address") String email,
        @Pattern(regexp = "\\S+", message = "must not contain spaces") String slack,
        @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String webhookUrl,
        @NotBlank String timeZone,
        @NotNull List<String> roles) {
}
