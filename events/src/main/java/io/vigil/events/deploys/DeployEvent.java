package io.vigil.events.deploys;

import io.vigil.events.EventPayload;

/** Events of topic {@code vigil.deploys}; the subject is the deploy id. */
public sealed interface DeployEvent extends EventPayload permits DeployStarted {
    String deployId();
}
