package io.vigil.escalation.persistence;

import io.vigil.escalation.domain.CopiedStream;
import io.vigil.events.ownership.OwnershipAssigned;
import io.vigil.events.ownership.OwnershipHandedOff;
import io.vigil.events.ownership.OwnershipReleased;
import io.vigil.platform.eventstore.StoredEvent;
import io.vigil.platform.projection.Projection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Our copy of the deploy windows ({@code vigil.ownership}): who owns which service's open window. */
@ApplicationScoped
public class DeployWindowProjector implements Projection {
    private final Sql sql;

    public DeployWindowProjector(Sql sql) {
        this.sql = sql;
    }

    @Override
    public String name() {
        return "deploy-window";
    }

    @Override
    public List<String> aggregateTypes() {
        return List.of(CopiedStream.DEPLOY_WINDOWS.name());
    }

    @Override
    public void clear() {
        sql.update("DELETE FROM deploy_window");
    }

    @Override
    public void apply(StoredEvent event) {
        switch (event.payload()) {
            case OwnershipAssigned a -> sql.update("""
                    INSERT INTO deploy_window (deploy_id, service, owner, window_starts_at, window_ends_at, aggregate_version)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (deploy_id) DO UPDATE SET owner = excluded.owner,
                        window_starts_at = excluded.window_starts_at, window_ends_at = excluded.window_ends_at,
                        aggregate_version = excluded.aggregate_version""",
                    a.deployId(), a.service(), a.owner(), a.windowStartsAt(), a.windowEndsAt(), event.version());
            case OwnershipHandedOff h -> sql.update("UPDATE deploy_window SET owner = ?, aggregate_version = ? WHERE deploy_id = ?",
                    h.to(), event.version(), h.deployId());
            case OwnershipReleased r -> sql.update("UPDATE deploy_window SET released_at = ?, aggregate_version = ? WHERE deploy_id = ?",
                    r.releasedAt(), event.version(), r.deployId());
            default -> {
            }
        }
    }
}
