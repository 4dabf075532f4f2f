package io.vigil.events.alerts;

import io.vigil.events.EventType;

import java.time.Instant;

/**
 * The monitoring system reports the alert no longer fires. Subject: {@code alertKey}.
 *
 * @param alertKey dedup key; the subject
 * @param service (optional)
 */
public record AlertResolved(
        String alertKey,
        String source,
        String service,
        Instant resolvedAt) implements AlertEvent {

    @Override
    public EventType eventType() {
        return EventType.ALERT_RESOLVED;
    }
}
