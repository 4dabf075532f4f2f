package io.vigil.policy;

import java.math.BigDecimal;

/**
 * What must hold for a severity rule; every condition given must hold, and a signal the alert does not carry never
 * satisfies one. "Above" is strictly greater ({@code errorRatePctAbove: 20} does not hold for 20.0), "AtLeast"
 * greater or equal. Numbers are compared as decimals, so 20.1 is above 20 and 20 is not, exactly.
 *
 * @param scope {@code global}, or {@code workspace} for any {@code workspace:<id>}
 */
public record SeverityCondition(
        Boolean dataCorruptionSuspected,
        Boolean allClientsAffected,
        String scope,
        Long circuitBreakerOpenSecondsAbove,
        BigDecimal errorRatePctAbove,
        Integer affectedClientsAtLeast) {

    public boolean holdsFor(Double errorRatePct, Long circuitBreakerOpenSeconds, Boolean dataCorruptionSuspected,
                            Integer affectedClients, Boolean allClientsAffected, String scope) {
        return flag(this.dataCorruptionSuspected, dataCorruptionSuspected)
                && flag(this.allClientsAffected, allClientsAffected)
                && (this.scope == null || scope != null && scopeKind(scope).equals(this.scope))
                && (circuitBreakerOpenSecondsAbove == null
                    || circuitBreakerOpenSeconds != null && circuitBreakerOpenSeconds > circuitBreakerOpenSecondsAbove)
                && (errorRatePctAbove == null
                    || errorRatePct != null && BigDecimal.valueOf(errorRatePct).compareTo(errorRatePctAbove) > 0)
                && (affectedClientsAtLeast == null
                    || affectedClients != null && affectedClients >= affectedClientsAtLeast);
    }

    private static boolean flag(Boolean required, Boolean actual) {
        return required == null || required.equals(actual);
    }

    /** {@code global} or {@code workspace:<id>} → {@code global} / {@code workspace}. */
    private static String scopeKind(String scope) {
        int colon = scope.indexOf(':');
        return colon < 0 ? scope : scope.substring(0, colon);
    }
}
