package io.vigil.events.deploys;

import io.vigil.events.EventPayload;

/**
 * Events of topic {@code vigil.deploys}; the subject (and Kafka key) is the deploy id.
 */
public sealed interface DeployEvent extends EventPayload permits
        DeployStarted,
        DeployCompleted,
        DeployFailed,
        DeployRolledBack,
        RolloutStageReported {
    /** The subject of the event and the Kafka key. */
    String deployId();

    String service();
}
