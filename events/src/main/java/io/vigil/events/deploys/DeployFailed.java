package io.vigil.events.deploys;

import io.vigil.events.EventType;

import java.time.Instant;

/**
 * A production deploy failed before it completed. Subject: {@code deployId}.
 *
 * @param deployId the deploy; the subject
 * @param reason why it failed, as the CI/CD system reports it
 */
public record DeployFailed(
        String deployId,
        String service,
        String version,
        String reason,
        Instant failedAt) implements DeployEvent {

    @Override
    public EventType eventType() {
        return EventType.DEPLOY_FAILED;
    }
}
