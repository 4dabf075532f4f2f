package io.vigil.escalation.domain;

import io.vigil.events.EventPayload;
import io.vigil.events.alerts.AlertRaised;
import io.vigil.events.alerts.AlertResolved;
import io.vigil.platform.domain.AggregateKind;
import io.vigil.platform.domain.Decision;

/**
 * One alert key as monitoring systems report it: its stream holds every {@code alert.raised} and
 * {@code alert.resolved} with that key (the events' subject), whether received on Kafka or published by our
 * HTTP adapters. Which incident an alert belongs to is the incident's business ({@link Incident#alertKeys()}).
 */
public record Alert(String alertKey, boolean firing, int raised) {
    public static final AggregateKind<Alert> KIND = new AggregateKind<>() {
        @Override
        public String name() {
            return "alert";
        }

        @Override
        public Alert initial(String id) {
            return new Alert(id, false, 0);
        }

        @Override
        public Alert apply(Alert state, EventPayload event) {
            return switch (event) {
                case AlertRaised r -> new Alert(state.alertKey, true, state.raised + 1);
                case AlertResolved r -> new Alert(state.alertKey, false, state.raised);
                default -> state;
            };
        }
    };

    /**
     * Alert keys share the event store's id space with incidents ({@code inc-…}) and our copies
     * ({@code roster/…}, {@code deploy-window/…}): a key that looks like one of those could never be told apart.
     */
    public static boolean isUsableKey(String alertKey) {
        return alertKey != null && !alertKey.isBlank() && !alertKey.startsWith("inc-")
                && !alertKey.startsWith(CopiedStream.ROSTER.name() + "/") && !alertKey.startsWith(CopiedStream.DEPLOY_WINDOWS.name() + "/");
    }

    /** An alert reported through one of our HTTP adapters: a fact, published with the alert key as subject. */
    public Decision report(EventPayload alertEvent) {
        return Decision.record(alertEvent);
    }
}
