package io.vigil.events.ownership;

import io.vigil.events.EventType;

import java.time.Instant;
import java.util.List;

/**
 * The owner completed a checkpoint's checklist (seed 000); items that events already answer are filled in by
 * Vigil. Subject: {@code deployId}.
 *
 * @param deployId the deploy; the subject
 * @param dueAt deploy start plus the checkpoint's offset
 */
public record CheckpointCompleted(
        String deployId,
        String service,
        Checkpoint checkpoint,
        List<ChecklistItem> items,
        String completedBy,
        Instant dueAt,
        Instant completedAt) implements OwnershipEvent {

    /** Lists are immutable; an absent list is empty. */
    public CheckpointCompleted {
        items = items == null ? List.of() : List.copyOf(items);
    }

    @Override
    public EventType eventType() {
        return EventType.CHECKPOINT_COMPLETED;
    }
}
