package io.vigil.events.ownership;

import io.vigil.events.EventPayload;

/** Events of topic {@code vigil.ownership}; the subject is the deploy id. */
public sealed interface OwnershipEvent extends EventPayload permits OwnershipAssigned {
    String deployId();
}
