package io.vigil.policy;

import java.util.List;

/**
 * Incident severity (seed 001 §4.1): the rules in order, most severe level first; the first whose condition holds
 * decides, and when none does, {@code otherwise}. An alert's explicit severity is taken only when it is higher
 * ({@code explicit.mayLower} is false).
 */
public record SeverityPolicy(List<SeverityRule> rules, Otherwise otherwise, Explicit explicit) {

    public SeverityPolicy {
        rules = List.copyOf(rules);
    }

    /** The first rule whose condition holds for these signals, or {@code otherwise}. Arguments as in an alert's signals. */
    public Rule classify(Double errorRatePct, Long circuitBreakerOpenSeconds, Boolean dataCorruptionSuspected,
                         Integer affectedClients, Boolean allClientsAffected, String scope) {
        for (SeverityRule rule : rules) {
            if (rule.when().holdsFor(errorRatePct, circuitBreakerOpenSeconds, dataCorruptionSuspected,
                    affectedClients, allClientsAffected, scope)) {
                return rule;
            }
        }
        return otherwise;
    }

    /** The severity a rule of this section gives: {@code P1}, {@code P2} or {@code P3}. */
    public String severityOf(Rule rule) {
        if (rule instanceof SeverityRule severityRule) {
            return severityRule.severity();
        }
        if (rule instanceof Otherwise other) {
            return other.severity();
        }
        throw new IllegalArgumentException(rule.ruleId() + " is not a severity rule");
    }

    public record SeverityRule(String ruleId, String severity, SeverityCondition when) implements Rule {
    }

    public record Otherwise(String ruleId, String severity) implements Rule {
    }

    public record Explicit(String ruleId, boolean mayLower) implements Rule {
    }
}
