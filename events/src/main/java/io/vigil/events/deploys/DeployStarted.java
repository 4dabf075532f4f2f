package io.vigil.events.deploys;

import io.vigil.events.EventType;

import java.time.Instant;

/** A production deploy began; its 48 h stabilization window starts at {@code startedAt}. */
public record DeployStarted(
        String deployId,
        String service,
        String version,
        String environment,
        String mergedBy,
        String prUrl,
        boolean stagingReportPassed,
        String rollbackPlanUrl,
        Instant startedAt) implements DeployEvent {

    @Override
    public EventType eventType() {
        return EventType.DEPLOY_STARTED;
    }
}
