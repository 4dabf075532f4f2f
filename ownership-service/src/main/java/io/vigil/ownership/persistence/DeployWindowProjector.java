package io.vigil.ownership.persistence;

import io.vigil.events.deploys.DeployStarted;
import io.vigil.events.ownership.CheckMissed;
import io.vigil.events.ownership.CheckRecorded;
import io.vigil.events.ownership.CheckpointCompleted;
import io.vigil.events.ownership.CheckpointMissed;
import io.vigil.events.ownership.DeployFlagged;
import io.vigil.events.ownership.OwnershipAssigned;
import io.vigil.events.ownership.OwnershipHandedOff;
import io.vigil.events.ownership.OwnershipReleased;
import io.vigil.events.ownership.PostmortemFiled;
import io.vigil.events.ownership.PostmortemOverdue;
import io.vigil.events.ownership.PostmortemRequired;
import io.vigil.events.ownership.RolloutDecided;
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
            default -> windows.findByIdOptional(event.aggregateId()).ifPresent(w -> {
                progress(w, event.payload());
                w.aggregateVersion = event.version();
            });
        }
    }

    private static void progress(DeployWindowEntity w, Object payload) {
        switch (payload) {
            case OwnershipAssigned a -> {
                w.owner = a.owner();
                w.windowEndsAt = a.windowEndsAt();
            }
            case OwnershipHandedOff h -> {
                w.owner = h.to();
                w.handoffs++;
            }
            case CheckRecorded c -> {
                w.lastCheckAt = c.recordedAt();
                w.nextCheckDueAt = c.nextDueAt();
            }
            case CheckMissed m -> {
                w.missedChecks++;
                w.nextCheckDueAt = null;
            }
            case CheckpointCompleted c -> w.checkpointsDone = append(w.checkpointsDone, c.checkpoint().name());
            case CheckpointMissed m -> w.checkpointsMissed = append(w.checkpointsMissed, m.checkpoint().name());
            case PostmortemRequired r -> w.postmortemsRequired++;
            case PostmortemFiled f -> w.postmortemsFiled++;
            case PostmortemOverdue o -> w.postmortemsOverdue++;
            case RolloutDecided r -> w.lastRolloutDecision = r.decision().name();
            case DeployFlagged f -> w.violations = String.join(",", f.violations());
            case OwnershipReleased r -> {
                w.releasedAt = r.releasedAt();
                w.signedOffBy = r.signedOffBy();
                w.nextCheckDueAt = null;
            }
            default -> {
            }
        }
    }

    private static String append(String list, String item) {
        return list.isEmpty() ? item : list + "," + item;
    }
}
