package io.vigil.events.killswitch;

import io.vigil.events.EventType;
import io.vigil.events.Severity;

import java.time.Instant;

/**
 * Someone asked to pull a kill switch (seed 001 §2.2, §5.1); rejected, activated at once, or activated once
 * approved. Subject: {@code switchId}.
 *
 * @param switchId the subject
 * @param scope {@code "global"} or {@code "workspace:<id>"}
 * @param durationMinutes planned length of a pause; under or over 60 picks the rules (optional)
 * @param startsAt planned start (planned maintenance) (optional)
 */
public record KillSwitchRequested(
        String switchId,
        KillSwitchAction action,
        String scope,
        KillSwitchScenario scenario,
        String reason,
        Severity severity,
        String requestedBy,
        Integer durationMinutes,
        Instant startsAt,
        Instant requestedAt) implements KillSwitchEvent {

    @Override
    public EventType eventType() {
        return EventType.KILLSWITCH_REQUESTED;
    }
}
