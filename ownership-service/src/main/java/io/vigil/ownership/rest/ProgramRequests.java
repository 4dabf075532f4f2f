package io.vigil.ownership.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.platform.problem.Problem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Bodies of the {@code /programs} commands. */
public final class ProgramRequests {

    public record Create(
            @NotBlank @Size(max = 67) @Pattern(regexp = "prog-[a-z0-9][a-z0-9-]*",
                    message = "must be 'prog-' followed by lower-case letters, digits and '-', e.g. prog-ingestion-rollout") String programId,
            @NotBlank @Size(max = 200) String name) {
    }

    /** The optional body of an approval: nothing, or {@code {"comment": "..."}}. */
    public record Approve(String comment) {
        private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        static String comment(byte[] body) {
            if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
                return null;
            }
            try {
                String comment = JSON.readValue(body, Approve.class).comment();
                if (comment != null && comment.length() > 2000) {
                    throw Problem.badRequest("comment", "must be at most 2000 characters");
                }
                return comment == null || comment.isBlank() ? null : comment;
            } catch (IOException e) {
                throw Problem.badRequest("comment", "the body must be empty or a JSON object such as {\"comment\": \"...\"}");
            }
        }
    }

    public record Veto(@NotBlank @Size(max = 2000) String reason) {
    }

    /** The sign-off form of seed 001 §6.4 as the requester fills it in. */
    public record Rollback(
            @NotBlank String toPhase,
            @NotBlank String type,
            @NotBlank String reasonCategory,
            @NotBlank @Size(max = 2000) String reason,
            String investigationAssignee,
            LocalDate reRampTarget,
            @NotNull @Pattern(regexp = "required|not-required", message = "must be required or not-required") String clientCommunication) {
    }

    private ProgramRequests() {
    }
}
