package io.vigil.platform.projection;

import io.vigil.platform.eventstore.EventStore;
import io.vigil.platform.eventstore.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The service's projections: fed by the write pipeline, rebuilt from the event store on demand. */
@ApplicationScoped
public class Projections {
    private static final Logger LOG = Logger.getLogger(Projections.class);

    public record Rebuilt(String projection, int events) {
    }

    private final List<Projection> projections;
    private final EventStore store;

    public Projections(Instance<Projection> projections, EventStore store) {
        this.projections = projections.stream().toList();
        this.store = store;
    }

    public List<String> names() {
        return projections.stream().map(Projection::name).sorted().toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<StoredEvent> events) {
        for (StoredEvent e : events) {
            for (Projection p : projections) {
                if (p.aggregateTypes().contains(e.aggregateType())) {
                    p.apply(e);
                }
            }
        }
    }

    /**
     * Empties the projection and replays every event of its aggregate types, in one transaction: readers
     * see the old rows until the new ones commit. Writers of the same aggregates wait on their rows' locks.
     */
    @Transactional
    public Optional<Rebuilt> rebuild(String name) {
        Optional<Projection> found = projections.stream().filter(p -> p.name().equals(name)).findFirst();
        found.ifPresent(Projection::clear);
        return found.map(p -> {
            AtomicInteger count = new AtomicInteger();
            store.replay(p.aggregateTypes(), e -> {
                p.apply(e);
                count.incrementAndGet();
            });
            LOG.infof("projection %s rebuilt from %d events", name, count.get());
            return new Rebuilt(name, count.get());
        });
    }
}
