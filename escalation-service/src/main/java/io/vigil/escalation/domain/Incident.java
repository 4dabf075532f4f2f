package io.vigil.escalation.domain;

import io.vigil.events.Severity;
import io.vigil.events.incidents.IncidentAcknowledged;
import io.vigil.events.incidents.IncidentEscalated;
import io.vigil.events.incidents.IncidentOpened;
import io.vigil.events.incidents.IncidentResolved;
import io.vigil.events.incidents.IncidentSeverityChanged;
import io.vigil.events.incidents.IncidentUpdateDue;
import io.vigil.platform.domain.AggregateKind;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.domain.RuleViolation;
import io.vigil.policy.Ladder;
import io.vigil.policy.Policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An incident: opened from alerts with a classified severity, escalated up its severity's ladder by durable timers
 * until it is resolved. {@code reached} holds what the ladder has done already (action + roles), so the same
 * escalation never fires twice (the P1 unacknowledged page and the 15-minute step reach the same secondary).
 */
public record Incident(String id, boolean exists, String service, Severity severity, List<String> alertKeys,
                       Instant openedAt, String acknowledgedBy, boolean resolved, Set<String> reached, int updates) {
    public static final String UPDATE_TIMER = "incident-update";
    static final String SERVICE_ACTOR = "escalation-service";

    public static final AggregateKind<Incident> KIND = new IncidentKind();

    /** Opens the incident: {@code incident.opened} with the rule that classified it, the first step at once, the rest scheduled. */
    public Decision open(OpenIncident command, SeverityClassification severity, Policy policy, Duty duty, Instant now) {
        if (exists) {
            return Decision.nothing();
        }
        EscalationLadder ladder = new EscalationLadder(severity.severity(), policy);
        var rule = policy.rule(severity.rule());
        IncidentOpened opened = new IncidentOpened(id, command.service(), command.title(), severity.severity(),
                severity.reasons(), command.alertKeys(), command.scope(), command.deployId(), command.deployOwner(), now,
                rule.ruleId(), rule.policyVersion());
        Ladder.Step first = ladder.step(0);
        IncidentEscalated paged = new IncidentPages(this, ladder, policy).escalated(0, first, duty, null, null, now);
        Decision decision = Decision.by(rule, opened, paged)
                .schedule(UPDATE_TIMER, now.plus(policy.incidentUpdates().every()), "1");
        return ladder.scheduleAfter(decision, now, now, false);
    }

    /** A step of the ladder whose time has come, unless the incident is resolved, changed severity, or was reached so already. */
    public Decision stepDue(String timerPayload, Policy policy, Duty duty, Instant now) {
        String[] parts = timerPayload.split(":");
        if (!exists || resolved || !severity.name().equals(parts[0])) {
            return Decision.nothing();
        }
        return new IncidentPages(this, new EscalationLadder(severity, policy), policy).due(parts[1], duty, now);
    }

    /** Someone on the ladder took it: the "not acknowledged" page is no longer due. */
    public Decision acknowledge(String by, Instant now) {
        mustBeOpen();
        if (acknowledgedBy != null) {
            throw new RuleViolation("incident.acknowledge", "incident " + id + " was acknowledged by " + acknowledgedBy + " already");
        }
        return Decision.record(new IncidentAcknowledged(id, by, now)).cancel(EscalationLadder.UNACKNOWLEDGED_TIMER);
    }

    /** The monitoring system reports the alert taken: as {@link #acknowledge}, but a repeat or a late one changes nothing. */
    public Decision acknowledgedAtSource(String by, Instant now) {
        if (!exists || resolved || acknowledgedBy != null) {
            return Decision.nothing();
        }
        return acknowledge(by, now);
    }

    /** Resolved by hand: every pending step and update stops. */
    public Decision resolve(String by, String rootCause, String resolution, Instant now) {
        mustBeOpen();
        return resolved(by, rootCause, resolution, now);
    }

    /** One of its alerts resolved at its source: when none of them fires any more, the incident resolves by itself. */
    public Decision alertResolved(Set<String> stillFiring, Instant now) {
        if (!exists || resolved || alertKeys.stream().anyMatch(stillFiring::contains)) {
            return Decision.nothing();
        }
        return resolved(SERVICE_ACTOR, "every alert of the incident resolved at its source", "resolved by the monitoring system", now);
    }

    private Decision resolved(String by, String rootCause, String resolution, Instant now) {
        return Decision.record(new IncidentResolved(id, severity, by, rootCause, resolution, openedAt, now,
                        Duration.between(openedAt, now).toSeconds()))
                .cancel(EscalationLadder.STEP_TIMER).cancel(EscalationLadder.UNACKNOWLEDGED_TIMER).cancel(UPDATE_TIMER);
    }

    /** By hand: the next step of the ladder not reached yet fires now, with the reason given. */
    public Decision escalate(String by, String reason, Policy policy, Duty duty, Instant now) {
        mustBeOpen();
        return new IncidentPages(this, new EscalationLadder(severity, policy), policy).next(by, reason, duty, now);
    }

    /** A new severity, by hand ({@code by}) or because a repeat of an alert classified higher ({@code rule}): the new ladder applies from here. */
    public Decision changeSeverity(Severity to, String reason, String by, SeverityClassification rule, Policy policy, Duty duty, Instant now) {
        mustBeOpen();
        if (to == severity) {
            throw new RuleViolation("incident.severity", "incident " + id + " is " + severity + " already");
        }
        var decidedBy = rule == null ? null : policy.rule(rule.rule());
        IncidentSeverityChanged changed = new IncidentSeverityChanged(id, severity, to, reason, by, now,
                decidedBy == null ? null : decidedBy.ruleId(), decidedBy == null ? null : decidedBy.policyVersion());
        EscalationLadder ladder = new EscalationLadder(to, policy);
        Decision decision = new Decision(List.of(changed), List.of(), decidedBy)
                .cancel(EscalationLadder.STEP_TIMER).cancel(EscalationLadder.UNACKNOWLEDGED_TIMER);
        return ladder.scheduleAfter(decision, openedAt, now, acknowledgedBy != null);
    }

    /** A repeat of one of the incident's alerts: recorded on the alert; it raises the severity only if it classifies higher. */
    public Decision alertRepeated(SeverityClassification classified, Policy policy, Duty duty, Instant now) {
        if (!exists || resolved || !classified.severity().moreSevereThan(severity)) {
            return Decision.nothing();
        }
        return changeSeverity(classified.severity(), "a repeat of the alert classified " + classified.severity()
                + " by " + classified.rule().ruleId(), null, classified, policy, duty, now);
    }

    /**
     * Seed 001 §7.1: an update is due every interval while the incident is open, on the grid of its opening. A
     * reminder that fires late (the service was down, or the clock was moved) asks once, for the latest update due
     * by now, and the next comes at the grid's next point: updates that can no longer be given are not asked for.
     */
    public Decision updateDue(int number, Policy policy, Duty duty, Instant now) {
        if (!exists || resolved) {
            return Decision.nothing();
        }
        var rule = policy.rule(policy.incidentUpdates());
        Duration every = policy.incidentUpdates().every();
        int due = (int) Math.max(number, Duration.between(openedAt, now).dividedBy(every));
        return Decision.by(rule, new IncidentUpdateDue(id, severity, due, duty.holder(policy.incidentUpdates().by()), now,
                        rule.ruleId(), rule.policyVersion()))
                .schedule(UPDATE_TIMER, openedAt.plus(every.multipliedBy(due + 1L)), String.valueOf(due + 1));
    }

    private void mustBeOpen() {
        if (!exists) {
            throw new IllegalStateException("incident " + id + " does not exist");
        }
        if (resolved) {
            throw new RuleViolation("incident.resolved", "incident " + id + " is resolved; nothing more can be done on it");
        }
    }
}
