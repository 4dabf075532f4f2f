package io.vigil.notification.domain;

import io.vigil.events.EventPayload;
import io.vigil.platform.domain.AggregateKind;

/**
 * The roster events ownership-service published, recorded as they came: per person (subject = username) and for
 * the on-call schedule (subject {@code oncall}). The contact directory and the on-call schedule are projections of
 * them, so they can be rebuilt. The state is only how many events were recorded.
 */
public record RosterLog(String name) implements AggregateKind<Integer> {
    public static final RosterLog PERSON = new RosterLog("person");
    public static final RosterLog ONCALL = new RosterLog("oncall-schedule");

    @Override
    public Integer initial(String id) {
        return 0;
    }

    @Override
    public Integer apply(Integer recorded, EventPayload event) {
        return recorded + 1;
    }
}
