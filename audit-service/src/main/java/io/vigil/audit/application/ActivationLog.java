package io.vigil.audit.application;

import io.vigil.audit.domain.ActivationAssembly;
import io.vigil.audit.domain.ActivationLogEntry;
import io.vigil.audit.persistence.ActivationQueries;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The kill-switch activation log, derived on read from the audit log itself: nothing to keep in step. */
@ApplicationScoped
public class ActivationLog {
    private final ActivationQueries queries;
    private final Clock clock;

    public ActivationLog(ActivationQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public Optional<ActivationLogEntry> of(String switchId) {
        return ActivationAssembly.assemble(switchId, queries.eventsOf(switchId), clock.instant());
    }

    /** Activations in log order after the activation at seq {@code after}; {@code next} is null on the last page. */
    public record Page(List<ActivationLogEntry> items, Long next) {
    }

    public Page page(long after, int limit) {
        List<ActivationQueries.Activation> activations = queries.activations(after, limit);
        List<ActivationLogEntry> items = activations.stream().map(ActivationQueries.Activation::switchId).distinct()
                .map(this::of).flatMap(Optional::stream).toList();
        Long next = activations.size() == limit ? activations.get(activations.size() - 1).seq() : null;
        return new Page(items, next);
    }
}
