package io.vigil.platform.eventstore;

import io.vigil.events.EventPayload;
import io.vigil.events.VigilEvent;
import io.vigil.platform.domain.AggregateKind;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.domain.TimerChange;
import io.vigil.platform.domain.Versioned;
import io.vigil.platform.metrics.PlatformMeters;
import io.vigil.platform.projection.Projections;
import io.vigil.platform.timer.Timers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one write path of every service: load an aggregate from its events, let it decide, and in one
 * transaction append the events it decided (with their outbox rows and the policy rule that decided),
 * schedule and cancel its timers, and bring the projections up to date. Services never write the event
 * store, the outbox or the timer table any other way.
 */
@ApplicationScoped
public class EventSourcedRepository {
    private final EventStore store;
    private final NewEvents newEvents;
    private final Timers timers;
    private final Projections projections;
    private final PlatformMeters meters;

    public EventSourcedRepository(EventStore store, NewEvents newEvents, Timers timers, Projections projections,
                                  PlatformMeters meters) {
        this.store = store;
        this.newEvents = newEvents;
        this.timers = timers;
        this.projections = projections;
        this.meters = meters;
    }

    /** The aggregate as its events left it. */
    @Transactional
    public <S> Versioned<S> load(AggregateKind<S> kind, String id) {
        return fold(kind, id, kind.initial(id), 0, store.load(id).stream().map(StoredEvent::payload).toList());
    }

    /**
     * Loads the aggregate, asks it to decide, writes the decision; returns the aggregate after it.
     * A decision that throws (a rule refuses) writes nothing.
     * @throws ConcurrencyConflict when another writer appended to the aggregate meanwhile
     */
    @Transactional
    public <S> Versioned<S> decide(AggregateKind<S> kind, String id, Cause cause, Function<S, Decision> decide) {
        Versioned<S> current = load(kind, id);
        return write(kind, current, decide.apply(current.state()), cause, List.of());
    }

    /**
     * Records an event another system published about this aggregate (it is stored, not published again),
     * then lets the aggregate decide what follows from it; the decided events are caused by it.
     */
    @Transactional
    public <S> Versioned<S> recordReceived(AggregateKind<S> kind, String id, VigilEvent<EventPayload> received,
                                           Function<S, Decision> decide) {
        Versioned<S> current = load(kind, id);
        Versioned<S> withReceived = fold(kind, id, current.state(), current.version(), List.of(received.payload()));
        return write(kind, current, decide.apply(withReceived.state()), Cause.event(received), List.of(received));
    }

    private <S> Versioned<S> write(AggregateKind<S> kind, Versioned<S> current, Decision decision, Cause cause,
                                   List<VigilEvent<EventPayload>> received) {
        List<VigilEvent<EventPayload>> events = new ArrayList<>(received);
        events.addAll(newEvents.answering(cause, current.id(), decision.events()));
        String unpublished = received.isEmpty() ? null : received.get(0).id();
        List<StoredEvent> stored = store.append(kind.name(), current.id(), current.version(), events, decision.rule(), unpublished);
        for (TimerChange change : decision.timers()) {
            switch (change) {
                case TimerChange.Schedule s -> timers.schedule(s.kind(), current.id(), s.dueAt(), s.payload());
                case TimerChange.Cancel c -> timers.cancel(c.kind(), current.id());
            }
        }
        projections.apply(stored);
        meters.storedOnCommit(kind.name(), events.stream().map(e -> e.type().typeName()).toList());
        return fold(kind, current.id(), current.state(), current.version(), events.stream().map(VigilEvent::payload).toList());
    }

    private static <S> Versioned<S> fold(AggregateKind<S> kind, String id, S state, int version, List<EventPayload> events) {
        for (EventPayload event : events) {
            state = kind.apply(state, event);
            version++;
        }
        return new Versioned<>(id, state, version);
    }
}
