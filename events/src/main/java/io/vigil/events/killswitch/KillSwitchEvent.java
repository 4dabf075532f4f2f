package io.vigil.events.killswitch;

import io.vigil.events.EventPayload;

/**
 * Events of topic {@code vigil.killswitch}; the subject (and Kafka key) is the switch id.
 */
public sealed interface KillSwitchEvent extends EventPayload permits
        KillSwitchRequested,
        KillSwitchRejected,
        KillSwitchActivated,
        KillSwitchApproved,
        KillSwitchApprovalOverdue,
        KillSwitchResumeSigned,
        KillSwitchResumed {
    /** The subject of the event and the Kafka key. */
    String switchId();
}
