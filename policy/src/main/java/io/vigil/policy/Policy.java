package io.vigil.policy;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of the seeds as one versioned document (DESIGN §3), as typed records. Services read their rules from here
 * and name the rule that decided in their events with {@link #rule(Rule)}. Load it with {@link PolicyLoader}.
 *
 * @param version         e.g. {@code 2026.11.0}; changes whenever any rule changes
 * @param stakeholders    who "all" and "all stakeholders" mean in seed 001 (§2.2, §5.1, §6.3)
 * @param ladder          the escalation ladder per severity
 * @param incidentUpdates how often an open incident needs an update (seed 001 §7.1)
 */
public record Policy(
        String version,
        List<Role> stakeholders,
        OwnershipPolicy ownership,
        OnCallPolicy oncall,
        SeverityPolicy severity,
        EscalationLadders ladder,
        IncidentUpdates incidentUpdates,
        KillSwitchPolicy killswitch,
        RolloutPolicy rollout,
        PhasePolicy phases) {

    public Policy {
        stakeholders = List.copyOf(stakeholders);
    }

    /** The reference a decision event carries: this rule in this version of the document. */
    public PolicyRule rule(Rule rule) {
        return new PolicyRule(rule.ruleId(), version);
    }

    /** The roles to reach, with {@link Role#ALL_STAKEHOLDERS} replaced by {@link #stakeholders()}, each once, in order. */
    public List<Role> expand(List<Role> audience) {
        Set<Role> roles = new LinkedHashSet<>();
        for (Role role : audience) {
            if (role == Role.ALL_STAKEHOLDERS) {
                roles.addAll(stakeholders);
            } else {
                roles.add(role);
            }
        }
        return List.copyOf(roles);
    }

    /** Seed 001 §7.1: while an incident is open, {@code by} posts an update every {@code every}. */
    public record IncidentUpdates(String ruleId, Duration every, Role by) implements Rule {
    }
}
