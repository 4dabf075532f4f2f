package io.vigil.events.deploys;

import io.vigil.events.EventType;

import java.time.Instant;

/**
 * A production deploy finished rolling out; {@code healthCheckPassed} answers the T+0 checklist item "Health
 * check passing" (seed 000). Subject: {@code deployId}.
 *
 * @param deployId the deploy; the subject
 * @param healthCheckPassed the post-deploy health check passed
 */
public record DeployCompleted(
        String deployId,
        String service,
        String version,
        boolean healthCheckPassed,
        Instant completedAt) implements DeployEvent {

    @Override
    public EventType eventType() {
        return EventType.DEPLOY_COMPLETED;
    }
}
