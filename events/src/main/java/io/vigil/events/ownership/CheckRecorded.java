package io.vigil.events.ownership;

import io.vigil.events.EventType;

import java.time.Instant;

/**
 * The owner recorded a monitoring check of the window (cadence: 15 min to T+4 h, 2 h to T+24 h, 4 h to T+48 h).
 * Subject: {@code deployId}.
 *
 * @param deployId the deploy; the subject
 * @param dueAt due time of the check this one answers (optional)
 * @param nextDueAt when the next check is due; null once the window has ended (optional)
 * @param note (optional)
 * @param deadLetterCount (optional)
 * @param errorRateStable (optional)
 */
public record CheckRecorded(
        String deployId,
        String service,
        String recordedBy,
        Instant dueAt,
        Instant nextDueAt,
        String note,
        Integer deadLetterCount,
        Boolean errorRateStable,
        Instant recordedAt) implements OwnershipEvent {

    @Override
    public EventType eventType() {
        return EventType.CHECK_RECORDED;
    }
}
