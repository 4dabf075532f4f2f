package io.vigil.events.ownership;

import io.vigil.events.EventPayload;

/**
 * Events of topic {@code vigil.ownership}; the subject (and Kafka key) is the deploy id.
 */
public sealed interface OwnershipEvent extends EventPayload permits
        OwnershipAssigned,
        OwnershipHandedOff,
        CheckRecorded,
        CheckMissed,
        CheckpointCompleted,
        CheckpointMissed,
        OwnershipReleased,
        PostmortemRequired,
        PostmortemFiled,
        PostmortemOverdue,
        RolloutDecided {
    /** The subject of the event and the Kafka key. */
    String deployId();

    String service();
}
