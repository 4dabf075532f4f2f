package io.vigil.events.ownership;

import io.vigil.events.EventPayload;

/**
 * Events of topic {@code vigil.ownership}; the subject (and Kafka key) is the deploy id, or the programme id for the
 * programme and phase-gate events ({@code Program*}, {@code Phase*}), which have no deploy.
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
        RolloutDecided,
        DeployFlagged,
        ProgramCreated,
        PhaseGateApproved,
        PhaseGateVetoed,
        PhaseVetoWithdrawn,
        PhaseAdvanced,
        PhaseRollbackRequested,
        PhaseRollbackApproved,
        PhaseRolledBack {
    /** The subject of a deploy window's event and the Kafka key; null for programme and phase events. */
    default String deployId() {
        return null;
    }

    /** The deploy's service; null for programme and phase events. */
    default String service() {
        return null;
    }
}
