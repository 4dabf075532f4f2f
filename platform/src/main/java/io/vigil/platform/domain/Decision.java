package io.vigil.platform.domain;

import io.vigil.events.EventPayload;
import io.vigil.policy.PolicyRule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an aggregate decided: the events, the timers to schedule or cancel, and the policy rule (with the
 * version of the policy document) that decided, or none when the decision records a fact no rule weighs.
 * The platform's event-sourced repository writes all of it in one transaction; an aggregate never writes.
 */
public record Decision(List<EventPayload> events, List<TimerChange> timers, PolicyRule rule) {
    public Decision {
        events = List.copyOf(events);
        timers = List.copyOf(timers);
    }

    /** Events decided by a rule of the policy document. */
    public static Decision by(PolicyRule rule, EventPayload... events) {
        return new Decision(List.of(events), List.of(), rule);
    }

    /** Events that record a fact (a person registered, a check recorded): no rule weighed them. */
    public static Decision record(EventPayload... events) {
        return new Decision(List.of(events), List.of(), null);
    }

    public static Decision nothing() {
        return new Decision(List.of(), List.of(), null);
    }

    public boolean isEmpty() {
        return events.isEmpty() && timers.isEmpty();
    }

    /** The same decision, also scheduling a timer of {@code kind} for this aggregate. */
    public Decision schedule(String kind, Instant dueAt, String payload) {
        return withTimer(new TimerChange.Schedule(kind, dueAt, payload));
    }

    /** The same decision, also cancelling the pending timers of {@code kind} of this aggregate. */
    public Decision cancel(String kind) {
        return withTimer(new TimerChange.Cancel(kind));
    }

    private Decision withTimer(TimerChange change) {
        List<TimerChange> all = new ArrayList<>(timers);
        all.add(change);
        return new Decision(events, all, rule);
    }
}
