package io.vigil.notification.domain;

import io.vigil.events.EventPayload;
import io.vigil.events.notifications.NotificationDeadlineMissed;
import io.vigil.platform.domain.AggregateKind;
import io.vigil.platform.domain.Decision;

/** A deadline by which one person had to be told of one event (subject = deadline id); missed is recorded once. */
public final class NotificationDeadline implements AggregateKind<NotificationDeadline.State> {
    public static final NotificationDeadline KIND = new NotificationDeadline();

    public enum State { OPEN, MISSED }

    private NotificationDeadline() {
    }

    @Override
    public String name() {
        return "notification-deadline";
    }

    @Override
    public State initial(String id) {
        return State.OPEN;
    }

    @Override
    public State apply(State state, EventPayload event) {
        return event instanceof NotificationDeadlineMissed ? State.MISSED : state;
    }

    public static Decision missed(State state, NotificationDeadlineMissed missed) {
        return state == State.OPEN ? Decision.record(missed) : Decision.nothing();
    }
}
