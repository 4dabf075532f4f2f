package io.vigil.ownership.persistence;

import io.vigil.events.deploys.DeployStarted;
import io.vigil.events.ownership.OwnershipAssigned;
import io.vigil.ownership.domain.DeployOwnership;
import io.vigil.platform.eventstore.StoredEvent;
import io.vigil.platform.projection.Projection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Keeps {@code deploy_window} in step with the deploy events: written by the platform's write pipeline in
 * the transaction that appends them, and rebuilt from the event store by {@code POST /admin/projections/deploy-window/rebuild}.
 * It copies what the events say; no rule is decided here.
 */
@ApplicationScoped
public class DeployWindowProjector implements Projection {
    private final DeployWindowRepository windows;

    public DeployWindowProjector(DeployWindowRepository windows) {
        this.windows = windows;
    }

    @Override
    public String name() {
        return "deploy-window";
    }

    @Override
    public List<String> aggregateTypes() {
        return List.of(DeployOwnership.KIND.name());
    }

    @Override
    public void clear() {
        windows.deleteAll();
    }

    @Override
    public void apply(StoredEvent event) {
        switch (event.payload()) {
            case DeployStarted s -> {
                DeployWindowEntity w = new DeployWindowEntity();
                w.deployId = s.deployId();
                w.service = s.service();
                w.version = s.version();
                w.environment = s.environment();
                w.mergedBy = s.mergedBy();
                w.prUrl = s.prUrl();
                w.rollbackPlanUrl = s.rollbackPlanUrl();
                w.stagingReportPassed = s.stagingReportPassed();
                w.startedAt = s.startedAt();
                w.aggregateVersion = event.version();
                windows.persist(w);
            }
            case OwnershipAssigned a -> windows.findByIdOptional(event.aggregateId()).ifPresent(w -> {
                w.owner = a.owner();
                w.windowEndsAt = a.windowEndsAt();
                w.aggregateVersion = event.version();
            });
            default -> windows.findByIdOptional(event.aggregateId()).ifPresent(w -> w.aggregateVersion = event.version());
        }
    }
}
