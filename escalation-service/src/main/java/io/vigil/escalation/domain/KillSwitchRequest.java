package io.vigil.escalation.domain;

import io.vigil.events.Severity;
import io.vigil.events.killswitch.KillSwitchAction;
import io.vigil.events.killswitch.KillSwitchScenario;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What someone asks for when pulling a kill switch (DESIGN §8). {@code durationMinutes}: a pause of fixed length,
 * which ends by itself; {@code startsAt}: the planned start of a planned maintenance.
 */
public record KillSwitchRequest(KillSwitchAction action, String scope, KillSwitchScenario scenario, String reason,
                                Severity severity, Integer durationMinutes, Instant startsAt) {

    public Duration duration() {
        return durationMinutes == null ? null : Duration.ofMinutes(durationMinutes);
    }

    /** The row of the action matrix (seed 001 §2.2): a pause is short or long by its planned length. */
    public String actionKind(io.vigil.policy.KillSwitchPolicy policy) {
        return switch (action) {
            case PAUSE -> policy.pauseKind(duration());
            case ROLLBACK -> "rollback";
            case GLOBAL_DISABLE -> "global-disable";
        };
    }

    /** A field of the request at fault, for a 400 naming it. */
    public record InvalidField(String field, String message) {
    }

    /**
     * What makes the request unusable before any rule weighs it: the scope's form, a length for anything but a pause,
     * a planned start missing where the scenario is planned ahead ({@code terms.leadTime()}) or given where it is not.
     */
    public Optional<InvalidField> invalidField(KillSwitchTerms terms) {
        if (scope == null || !scope.matches("global|workspace:[A-Za-z0-9][A-Za-z0-9._-]*")) {
            return Optional.of(new InvalidField("scope", "must be global or workspace:<id>"));
        }
        if (durationMinutes != null && (action != KillSwitchAction.PAUSE || durationMinutes <= 0)) {
            return Optional.of(new InvalidField("durationMinutes", "only a pause has a length, of at least one minute"));
        }
        if (terms.leadTime() != null && startsAt == null) {
            return Optional.of(new InvalidField("startsAt", "a " + scenarioId() + " is planned: name its start"));
        }
        if (terms.leadTime() == null && startsAt != null) {
            return Optional.of(new InvalidField("startsAt", "only a planned maintenance is requested ahead of its start"));
        }
        return Optional.empty();
    }

    /** Spelt as the policy document spells scenarios, e.g. {@code error-rate-above-10}. */
    public String scenarioId() {
        return scenario.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
