package io.vigil.events.roster;

import io.vigil.events.EventPayload;

/**
 * Events of topic {@code vigil.roster}; the subject (and Kafka key) is the username for person and role events,
 * the on-call schedule id for rotation, override and shift events.
 */
public sealed interface RosterEvent extends EventPayload permits
        PersonRegistered,
        RoleGranted,
        RoleRevoked,
        RotationScheduled,
        OverrideSet,
        ShiftStarted {
}
