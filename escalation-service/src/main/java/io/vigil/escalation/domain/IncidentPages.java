package io.vigil.escalation.domain;

import io.vigil.events.Target;
import io.vigil.events.incidents.IncidentEscalated;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.domain.RuleViolation;
import io.vigil.policy.Ladder;
import io.vigil.policy.Policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The pages of one incident's ladder: a step whose time has come, the P1 "not acknowledged" page, a manual
 * escalation. Each reaches its targets only if the incident has not reached them so already ({@link Incident#reached()}).
 */
final class IncidentPages {
    private final Incident incident;
    private final EscalationLadder ladder;
    private final Policy policy;

    IncidentPages(Incident incident, EscalationLadder ladder, Policy policy) {
        this.incident = incident;
        this.ladder = ladder;
        this.policy = policy;
    }

    /** Timer payload {@code <severity>:<index>}, or {@code <severity>:u} for the unacknowledged page. */
    Decision due(String step, Duty duty, Instant now) {
        if (step.equals("u")) {
            return unacknowledgedDue(duty, now);
        }
        int index = Integer.parseInt(step);
        Ladder.Step s = ladder.step(index);
        if (incident.reached().contains(EscalationLadder.reach(s))) {
            return Decision.nothing();
        }
        return Decision.by(policy.rule(s), escalated(index, s, duty, null, null, now));
    }

    private Decision unacknowledgedDue(Duty duty, Instant now) {
        Ladder.Step step = ladder.unacknowledged().orElse(null);
        if (step == null || incident.acknowledgedBy() != null || incident.reached().contains(EscalationLadder.reach(step))) {
            return Decision.nothing();
        }
        String reason = "the primary has not acknowledged within " + step.after().toMinutes() + " min";
        return Decision.by(policy.rule(step), escalated(ladder.indexOfUnacknowledged(), step, duty, reason, null, now));
    }

    /** By hand: the next step not reached yet fires now. */
    Decision next(String by, String reason, Duty duty, Instant now) {
        for (int i = 0; i < ladder.steps().size(); i++) {
            Ladder.Step step = ladder.step(i);
            if (!incident.reached().contains(EscalationLadder.reach(step))) {
                return Decision.by(policy.rule(step), escalated(i, step, duty, reason, by, now));
            }
        }
        throw new RuleViolation("ladder." + ladder.severity() + ".step" + (ladder.steps().size() - 1),
                "every step of the " + ladder.severity() + " ladder has been reached already; there is no one further to escalate to");
    }

    /** {@code incident.escalated} for a step, its targets resolved at {@code now}. */
    IncidentEscalated escalated(int index, Ladder.Step step, Duty duty, String reason, String by, Instant now) {
        List<Target> targets = ladder.targets(step, duty, now);
        var rule = policy.rule(step);
        long after = minutes(step.after());
        String why = reason != null ? reason : after == 0 ? "the incident opened" : "unresolved " + after + " min after opening";
        return new IncidentEscalated(incident.id(), ladder.severity(), index, (int) after, EscalationLadder.action(step), targets,
                why, by, now, rule.ruleId(), rule.policyVersion());
    }

    private static long minutes(Duration d) {
        return d.toMinutes();
    }
}
