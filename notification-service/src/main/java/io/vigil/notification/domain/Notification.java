package io.vigil.notification.domain;

import io.vigil.events.EventPayload;
import io.vigil.events.notifications.NotificationFailed;
import io.vigil.events.notifications.NotificationSent;
import io.vigil.platform.domain.AggregateKind;
import io.vigil.platform.domain.Decision;

/**
 * One message to one person on one channel (subject = notification id). Its end is a fact: sent, or failed after
 * the last attempt; once ended it records nothing more, so a delivery is reported once.
 */
public final class Notification implements AggregateKind<Notification.State> {
    public static final Notification KIND = new Notification();

    public enum State { PENDING, SENT, FAILED }

    private Notification() {
    }

    @Override
    public String name() {
        return "notification";
    }

    @Override
    public State initial(String id) {
        return State.PENDING;
    }

    @Override
    public State apply(State state, EventPayload event) {
        return switch (event) {
            case NotificationSent ignored -> State.SENT;
            case NotificationFailed ignored -> State.FAILED;
            default -> state;
        };
    }

    public static Decision end(State state, EventPayload outcome) {
        return state == State.PENDING ? Decision.record(outcome) : Decision.nothing();
    }
}
