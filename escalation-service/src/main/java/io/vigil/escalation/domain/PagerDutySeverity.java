package io.vigil.escalation.domain;

import io.vigil.events.Severity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The severities of the PagerDuty Events API v2 as the severity an alert claims: {@code critical} claims P1 and
 * {@code error} P2; {@code warning} and {@code info} claim nothing (P3 is what the rules give when nothing else
 * applies). A claimed severity only raises what the policy's table gives (DESIGN §3).
 */
public enum PagerDutySeverity {
    CRITICAL(Severity.P1), ERROR(Severity.P2), WARNING(null), INFO(null);

    private final Severity claims;

    PagerDutySeverity(Severity claims) {
        this.claims = claims;
    }

    /** The wire value ({@code critical}, {@code error}, {@code warning}, {@code info}); empty if it is none of them. */
    public static Optional<PagerDutySeverity> of(String value) {
        return Arrays.stream(values()).filter(s -> s.name().toLowerCase(java.util.Locale.ROOT).equals(value)).findFirst();
    }

    /** The severity claimed, or null when the policy's table alone decides. */
    public Severity claims() {
        return claims;
    }
}
