package io.vigil.notification.domain;

import io.vigil.events.EventPayload;
import io.vigil.platform.domain.AggregateKind;

/**
 * Events other services published, recorded as they came: roster events per person (subject = username) and for
 * the on-call schedule (subject {@code oncall}), kill-switch events per switch. The contact directory and the
 * on-call schedule are projections of them, so they can be rebuilt. The state is only how many events were recorded.
 */
public record ReceivedLog(String name) implements AggregateKind<Integer> {
    public static final ReceivedLog PERSON = new ReceivedLog("person");
    public static final ReceivedLog ONCALL = new ReceivedLog("oncall-schedule");
    public static final ReceivedLog KILLSWITCH = new ReceivedLog("killswitch");

    @Override
    public Integer initial(String id) {
        return 0;
    }

    @Override
    public Integer apply(Integer recorded, EventPayload event) {
        return recorded + 1;
    }
}
