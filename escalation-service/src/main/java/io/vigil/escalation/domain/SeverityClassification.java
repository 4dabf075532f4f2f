package io.vigil.escalation.domain;

import io.vigil.events.Severity;
import io.vigil.events.alerts.Signals;
import io.vigil.policy.Rule;
import io.vigil.policy.SeverityPolicy;

import java.util.List;

/**
 * The severity of an alert (seed 001 §4.1): the first rule of the policy table whose condition holds for the
 * signals; an explicit severity on the alert wins only when it is higher (rule {@code severity.explicit-raises-only}).
 *
 * @param rule    the rule that decided, carried on {@code incident.opened}
 * @param reasons what gave the severity, in words a person reads on the timeline
 */
public record SeverityClassification(Severity severity, Rule rule, List<String> reasons) {

    public SeverityClassification {
        reasons = List.copyOf(reasons);
    }

    /** The most severe of several classifications (alerts grouped into one incident); the first of equals. */
    public static SeverityClassification mostSevere(List<SeverityClassification> all) {
        SeverityClassification worst = all.get(0);
        for (SeverityClassification c : all) {
            if (c.severity().moreSevereThan(worst.severity())) {
                worst = c;
            }
        }
        return worst;
    }

    public static SeverityClassification of(SeverityPolicy table, Signals signals, Severity explicit) {
        Signals s = signals == null ? Signals.none() : signals;
        Rule rule = table.classify(s.errorRatePct(), s.circuitBreakerOpenSeconds(), s.dataCorruptionSuspected(),
                s.affectedClients(), s.allClientsAffected(), s.scope());
        Severity classified = Severity.valueOf(table.severityOf(rule));
        if (explicit != null && explicit.moreSevereThan(classified) && !table.explicit().mayLower()) {
            return new SeverityClassification(explicit, table.explicit(),
                    List.of("the alert says " + explicit + ", higher than " + classified + " by " + rule.ruleId()));
        }
        return new SeverityClassification(classified, rule, List.of(rule.ruleId()));
    }
}
