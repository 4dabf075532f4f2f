package io.vigil.escalation.domain;

import io.vigil.events.DutyRole;
import io.vigil.events.Severity;
import io.vigil.events.Target;
import io.vigil.events.incidents.EscalationAction;
import io.vigil.policy.Ladder;
import io.vigil.policy.OnCallPolicy;
import io.vigil.policy.Policy;
import io.vigil.policy.Role;
import io.vigil.platform.domain.Decision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One severity's escalation ladder (seed 001 §4.2-4.3) as the policy document gives it: which steps a new incident
 * schedules, what a step pages whom, and the P1 "primary has not acknowledged" step. Timers carry
 * {@code <severity>:<step>} so that a step scheduled under a severity the incident no longer has does nothing.
 */
public final class EscalationLadder {
    public static final String STEP_TIMER = "incident-step";
    public static final String UNACKNOWLEDGED_TIMER = "incident-unacknowledged";

    private final Severity severity;
    private final Ladder ladder;
    private final OnCallPolicy oncall;

    public EscalationLadder(Severity severity, Policy policy) {
        this.severity = severity;
        this.ladder = policy.ladder().of(severity.name());
        this.oncall = policy.oncall();
    }

    public Severity severity() {
        return severity;
    }

    public List<Ladder.Step> steps() {
        return ladder.steps();
    }

    public Ladder.Step step(int index) {
        return ladder.steps().get(index);
    }

    public Optional<Ladder.Step> unacknowledged() {
        return ladder.unacknowledgedStep();
    }

    /** The step index an unacknowledged page counts as: the first step at or after its time. */
    public int indexOfUnacknowledged() {
        Duration after = ladder.unacknowledged().after();
        return IntStream.range(0, steps().size()).filter(i -> step(i).after().compareTo(after) >= 0)
                .findFirst().orElse(steps().size() - 1);
    }

    /** Schedules the unacknowledged step and every step after the first, at its time after opening, never before {@code now}. */
    public Decision scheduleAfter(Decision decision, Instant openedAt, Instant now, boolean acknowledged) {
        Decision d = decision;
        // first: at the same instant as the step with the same targets, the page says the primary did not acknowledge
        if (ladder.unacknowledged() != null && !acknowledged) {
            d = d.schedule(UNACKNOWLEDGED_TIMER, latest(openedAt.plus(ladder.unacknowledged().after()), now), severity + ":u");
        }
        for (int i = 1; i < steps().size(); i++) {
            d = d.schedule(STEP_TIMER, latest(openedAt.plus(step(i).after()), now), severity + ":" + i);
        }
        return d;
    }

    /** The people a step reaches now, each in their role (a role nobody holds is a target without a person), with the response time the on-call policy gives a page. */
    public List<Target> targets(Ladder.Step step, Duty duty, Instant now) {
        List<Target> targets = new java.util.ArrayList<>();
        for (Role role : step.targets()) {
            Instant due = step.action() == Ladder.Action.PAGE ? respondBy(role, now) : null;
            List<String> people = duty.holders(role);
            if (people.isEmpty()) {
                targets.add(new Target(DutyRole.valueOf(role.name()), null, due));
            }
            people.forEach(person -> targets.add(new Target(DutyRole.valueOf(role.name()), person, due)));
        }
        return List.copyOf(targets);
    }

    public static EscalationAction action(Ladder.Step step) {
        return EscalationAction.valueOf(step.action().name());
    }

    /** What two steps must share to count as the same escalation: the action and the roles reached. */
    public static String reach(String action, List<String> roles) {
        return action + roles.stream().sorted().toList();
    }

    public static String reach(Ladder.Step step) {
        return reach(action(step).name(), step.targets().stream().map(Role::name).toList());
    }

    private Instant respondBy(Role role, Instant now) {
        return oncall.responseTargets().stream().filter(t -> t.role() == role).findFirst()
                .map(t -> now.plus(t.within())).orElse(null);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
