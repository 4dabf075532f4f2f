package io.vigil.escalation.domain;

import io.vigil.events.EventPayload;
import io.vigil.platform.domain.AggregateKind;

/**
 * Events of another service we keep a copy of (the roster, deploy windows): stored as received so that our
 * projections can be rebuilt from our own event store; they decide nothing here. The state counts them.
 */
public record CopiedStream(String name) implements AggregateKind<Integer> {
    public static final CopiedStream ROSTER = new CopiedStream("roster");
    public static final CopiedStream DEPLOY_WINDOWS = new CopiedStream("deploy-window");

    @Override
    public Integer initial(String id) {
        return 0;
    }

    @Override
    public Integer apply(Integer state, EventPayload event) {
        return state + 1;
    }

    /** The aggregate id of a copied event: its subject, prefixed so it never meets one of our own ids. */
    public String idOf(String subject) {
        return name + "/" + subject;
    }
}
