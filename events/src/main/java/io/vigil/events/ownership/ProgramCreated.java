package io.vigil.events.ownership;

import io.vigil.events.EventType;

import java.time.Instant;

/**
 * A rollout programme (seed 001 §6) was registered; it starts in the first phase of the policy ({@code P0}).
 * Subject: {@code programId}.
 *
 * @param programId the programme; the subject ({@code prog-…})
 * @param phase     the phase it starts in
 */
public record ProgramCreated(
        String programId,
        String name,
        String phase,
        String createdBy,
        Instant createdAt) implements OwnershipEvent {

    @Override
    public EventType eventType() {
        return EventType.PROGRAM_CREATED;
    }
}
