package io.vigil.ownership.persistence;

import io.vigil.events.EventPayload;
import io.vigil.events.VigilEvent;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.events.ownership.OwnershipAssigned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** Keeps {@code deploy_window} in step with the deploy events, in the transaction that appends them. */
@ApplicationScoped
public class DeployWindowProjector {
    private final DeployWindowRepository windows;

    public DeployWindowProjector(DeployWindowRepository windows) {
        this.windows = windows;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void project(List<? extends VigilEvent<? extends EventPayload>> events) {
        events.forEach(this::project);
    }

    private void project(VigilEvent<? extends EventPayload> event) {
        switch (event.payload()) {
            case DeployStarted s -> {
                DeployWindowEntity w = new DeployWindowEntity();
                w.deployId = s.deployId();
                w.service = s.service();
                w.version = s.version();
                w.environment = s.environment();
                w.mergedBy = s.mergedBy();
                w.owner = s.mergedBy();
                w.prUrl = s.prUrl();
                w.rollbackPlanUrl = s.rollbackPlanUrl();
                w.stagingReportPassed = s.stagingReportPassed();
                w.startedAt = s.startedAt();
                w.windowEndsAt = s.startedAt();
                w.aggregateVersion = 1;
                windows.persist(w);
            }
            case OwnershipAssigned a -> windows.findByIdOptional(a.deployId()).ifPresent(w -> {
                w.owner = a.owner();
                w.windowEndsAt = a.windowEndsAt();
                w.aggregateVersion++;
            });
            default -> {
            }
        }
    }
}
