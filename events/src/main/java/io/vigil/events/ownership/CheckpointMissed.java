package io.vigil.events.ownership;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vigil.events.EventType;
import io.vigil.events.Target;

import java.time.Instant;
import java.util.List;

/**
 * A checkpoint's checklist was not completed by its due time. Subject: {@code deployId}.
 *
 * @param deployId the deploy; the subject
 * @param openItems checklist items still open (optional)
 * @param notifyTargets (optional)
 * @param policyRule id of the policy rule that decided this (DESIGN §3)
 * @param policyVersion version of the policy document that held the rule
 */
public record CheckpointMissed(
        String deployId,
        String service,
        Checkpoint checkpoint,
        String owner,
        Instant dueAt,
        Instant missedAt,
        List<String> openItems,
        @JsonProperty("notify") List<Target> notifyTargets,
        String policyRule,
        String policyVersion) implements OwnershipEvent {

    /** Lists are immutable; an absent list is empty. */
    public CheckpointMissed {
        openItems = openItems == null ? List.of() : List.copyOf(openItems);
        notifyTargets = notifyTargets == null ? List.of() : List.copyOf(notifyTargets);
    }

    @Override
    public EventType eventType() {
        return EventType.CHECKPOINT_MISSED;
    }
}
