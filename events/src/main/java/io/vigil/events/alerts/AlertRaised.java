package io.vigil.events.alerts;

import io.vigil.events.EventType;
import io.vigil.events.Severity;

import java.time.Instant;

/**
 * A monitoring system reports a firing alert. Repeats with the same alertKey are the same alert. Subject:
 * {@code alertKey}.
 *
 * @param alertKey dedup key; the subject
 * @param source the monitoring system, e.g. alertmanager, pagerduty
 * @param description (optional)
 * @param severity severity the source claims; it wins only if higher than the rules give (optional)
 * @param url link to the alert in its source (optional)
 */
public record AlertRaised(
        String alertKey,
        String source,
        String service,
        String title,
        String description,
        Severity severity,
        Signals signals,
        String url,
        Instant raisedAt) implements AlertEvent {

    @Override
    public EventType eventType() {
        return EventType.ALERT_RAISED;
    }
}
