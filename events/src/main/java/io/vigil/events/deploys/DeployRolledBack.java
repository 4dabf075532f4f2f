package io.vigil.events.deploys;

import io.vigil.events.EventType;

import java.time.Instant;

/**
 * The deploy was rolled back to an earlier version; a rollback in the window requires a post-mortem (seed 000).
 * Subject: {@code deployId}.
 *
 * @param deployId the deploy; the subject
 * @param fromVersion the version rolled back from (optional)
 * @param toVersion the version now serving
 * @param by username or service account that rolled back
 */
public record DeployRolledBack(
        String deployId,
        String service,
        String fromVersion,
        String toVersion,
        String by,
        String reason,
        Instant rolledBackAt) implements DeployEvent {

    @Override
    public EventType eventType() {
        return EventType.DEPLOY_ROLLED_BACK;
    }
}
