package io.vigil.policy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Post-mortem duty (seed 000): any trigger during the window requires an incident doc within {@code due} of the
 * trigger, at a path made from {@code docPath} ({@code docs/incidents/YYYY-MM-DD-<slug>.md}).
 */
public record PostmortemPolicy(
        Duration due,
        String docPath,
        List<String> contents,
        String overdueRuleId,
        List<Trigger> triggers) {

    public PostmortemPolicy {
        contents = List.copyOf(contents);
        triggers = List.copyOf(triggers);
    }

    /** The rule that turns a doc not filed by its due time into {@code postmortem.overdue}. */
    public Rule overdue() {
        return new NamedRule(overdueRuleId);
    }

    /** The rule for a trigger: {@code p1-incident}, {@code killswitch-activated}, {@code manual-intervention}, {@code rollback}. */
    public Trigger trigger(String trigger) {
        return triggers.stream().filter(t -> t.trigger().equals(trigger)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no post-mortem trigger " + trigger + " in the policy"));
    }

    /** The doc's path for a trigger on {@code date} with a short {@code slug}, e.g. {@code docs/incidents/2026-11-23-checkout-rollback.md}. */
    public String docPathFor(LocalDate date, String slug) {
        return docPath.replace("YYYY-MM-DD", date.toString()).replace("<slug>", slug);
    }

    public record Trigger(String ruleId, String trigger) implements Rule {
    }
}
