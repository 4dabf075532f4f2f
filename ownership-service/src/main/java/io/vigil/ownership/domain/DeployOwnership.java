package io.vigil.ownership.domain;

import io.vigil.events.DutyRole;
import io.vigil.events.EventPayload;
import io.vigil.events.Target;
import io.vigil.events.deploys.DeployCompleted;
import io.vigil.events.deploys.DeployRolledBack;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.events.ownership.CheckMissed;
import io.vigil.events.ownership.CheckRecorded;
import io.vigil.events.ownership.Checkpoint;
import io.vigil.events.ownership.CheckpointCompleted;
import io.vigil.events.ownership.CheckpointMissed;
import io.vigil.events.ownership.OwnershipAssigned;
import io.vigil.events.ownership.OwnershipHandedOff;
import io.vigil.events.ownership.OwnershipReleased;
import io.vigil.events.ownership.PostmortemFiled;
import io.vigil.events.ownership.PostmortemOverdue;
import io.vigil.events.ownership.PostmortemRequired;
import io.vigil.events.ownership.PostmortemTrigger;
import io.vigil.events.ownership.RolloutDecided;
import io.vigil.events.ownership.RolloutMetrics;
import io.vigil.platform.domain.AggregateKind;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.domain.RuleViolation;
import io.vigil.policy.CheckpointRule;
import io.vigil.policy.Policy;
import io.vigil.policy.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deploy aggregate: a production deploy and its 48-hour stabilization window (seed 000) — who owns it,
 * its checks and checkpoints, sign-off, post-mortem duty and rollout verdicts. Immutable state rebuilt from its
 * events ({@link #KIND}); commands return the {@link Decision} they take (events, timers, the deciding rule),
 * which the platform's repository writes. The rules themselves live in the small classes of this package.
 */
public record DeployOwnership(String deployId, DeployStarted started, String owner, StabilizationWindow window, WindowLog log) {
    public static final String CHECK_TIMER = "deploy.check-missed";
    public static final String CHECKPOINT_TIMER = "deploy.checkpoint-missed";
    public static final String POSTMORTEM_TIMER = "deploy.postmortem-overdue";

    public static final AggregateKind<DeployOwnership> KIND = new AggregateKind<>() {
        @Override
        public String name() {
            return "deploy";
        }

        @Override
        public DeployOwnership initial(String id) {
            return new DeployOwnership(id, null, null, null, WindowLog.EMPTY);
        }

        @Override
        public DeployOwnership apply(DeployOwnership d, EventPayload event) {
            return switch (event) {
                case DeployStarted s -> new DeployOwnership(d.deployId, s, d.owner, d.window, d.log);
                case OwnershipAssigned a -> new DeployOwnership(d.deployId, d.started, a.owner(),
                        new StabilizationWindow(a.windowStartsAt(), a.windowEndsAt()), d.log);
                case OwnershipHandedOff h -> new DeployOwnership(d.deployId, d.started, h.to(), d.window, d.log);
                case CheckRecorded c -> d.with(d.log.checkDue(c.nextDueAt(), c.recordedAt()));
                case CheckMissed m -> d.with(d.log.checkDue(null, d.log.lastCheckAt()));
                case CheckpointCompleted c -> d.with(d.log.checkpointDone(c.checkpoint()));
                case OwnershipReleased r -> d.with(d.log.released(r.releasedAt()));
                case PostmortemRequired p -> d.with(d.log.postmortemRequired(p));
                case PostmortemFiled f -> d.with(d.log.postmortemFiled(d.refOfFiled(f)));
                case DeployCompleted c -> d.with(d.log.completed(c.healthCheckPassed()));
                case DeployRolledBack r -> d.with(d.log.rolledBack(r.rolledBackAt()));
                default -> d; // check/checkpoint misses, overdue post-mortems, rollout reports and verdicts change nothing here
            };
        }
    };

    private DeployOwnership with(WindowLog next) {
        return new DeployOwnership(deployId, started, owner, window, next);
    }

    /** A filed post-mortem answers the oldest open one due at its {@code dueAt}. */
    private String refOfFiled(PostmortemFiled f) {
        return log.openPostmortems().stream().filter(p -> p.dueAt().equals(f.dueAt())).findFirst()
                .map(PostmortemRequired::triggerRef).orElse("");
    }

    public boolean exists() {
        return started != null;
    }

    // --- start and owner (seed 000 §1) ---

    /** A deploy registered with Vigil directly: it starts, and its owner is assigned in the same breath. */
    public Decision start(StartDeploy command, Policy policy) {
        if (exists()) {
            throw new RuleViolation("deploy-id-unique", "deploy '" + deployId + "' was already started");
        }
        DeployStarted started = new DeployStarted(command.deployId(), command.service(), command.version(),
                command.environment(), command.mergedBy(), command.prUrl(), command.stagingReportPassed(),
                command.rollbackPlanUrl(), command.startedAt());
        OwnerSelection.Choice choice = OwnerSelection.choose(started.mergedBy(), command.namedOwner());
        OwnershipAssigned assigned = assignment(started, choice, policy);
        List<EventPayload> events = new ArrayList<>(List.of(started, assigned));
        DeployFlags.at(started, assigned.owner(), command.preDeploy(), command.releaseType(), command.emergency(), policy)
                .ifPresent(events::add);
        return windowTimers(new Decision(events, List.of(), policy.rule(policy.ownership().defaultOwner())), assigned, policy);
    }

    /** A deploy a CI/CD system announced (already applied to this state): its owner is assigned. */
    public Decision assignOwner(Policy policy) {
        if (owner != null) {
            return Decision.nothing();
        }
        OwnershipAssigned assigned = assignment(started, OwnerSelection.choose(started.mergedBy(), null), policy);
        List<EventPayload> events = new ArrayList<>(List.of(assigned));
        DeployFlags.at(started, assigned.owner(), Map.of(), null, false, policy).ifPresent(events::add);
        return windowTimers(new Decision(events, List.of(), policy.rule(policy.ownership().defaultOwner())), assigned, policy);
    }

    private static OwnershipAssigned assignment(DeployStarted started, OwnerSelection.Choice choice, Policy policy) {
        StabilizationWindow window = StabilizationWindow.from(started.startedAt(), policy.ownership().window().length());
        return new OwnershipAssigned(started.deployId(), started.service(), choice.owner(), choice.because(),
                window.startsAt(), window.endsAt(), policy.ownership().defaultOwner().ruleId(), policy.version());
    }

    /** The first check's deadline and every checkpoint's, as durable timers. */
    private static Decision windowTimers(Decision decision, OwnershipAssigned assigned, Policy policy) {
        StabilizationWindow window = new StabilizationWindow(assigned.windowStartsAt(), assigned.windowEndsAt());
        Decision withTimers = CheckSchedule.after(window.startsAt(), window, policy.ownership().checks())
                .map(due -> decision.schedule(CHECK_TIMER, due.missedAt(), CheckTimer.payload(due)))
                .orElse(decision);
        for (CheckpointRule rule : policy.ownership().checkpoints()) {
            withTimers = withTimers.schedule(CHECKPOINT_TIMER, window.startsAt().plus(rule.at()).plus(rule.grace()), rule.checkpoint());
        }
        return withTimers;
    }

    // --- handoff (seed 000 §1) ---

    public Decision handOff(HandOff request, Policy policy) {
        HandoffPolicy.check(request, owner, log.released(), policy.ownership().handoff());
        return Decision.by(policy.rule(policy.ownership().handoff()), new OwnershipHandedOff(deployId, started.service(),
                owner, request.to(), request.reason().strip(), request.by(), request.at()));
    }

    // --- checks (seed 000 §2) ---

    public Decision recordCheck(String by, String note, Integer deadLetterCount, Boolean errorRateStable, Instant now, Policy policy) {
        String rule = CheckSchedule.bandAt(now, window, policy.ownership().checks()).ruleId();
        requireOwner(by, rule, "record a check");
        if (log.released()) {
            throw new RuleViolation(rule, "the window was signed off and released; no more checks are due");
        }
        Optional<CheckSchedule.Due> next = CheckSchedule.after(now, window, policy.ownership().checks());
        Decision decision = Decision.record(new CheckRecorded(deployId, started.service(), by, log.checkDue(),
                next.map(CheckSchedule.Due::dueAt).orElse(null), note, deadLetterCount, errorRateStable, now)).cancel(CHECK_TIMER);
        return next.map(due -> decision.schedule(CHECK_TIMER, due.missedAt(), CheckTimer.payload(due))).orElse(decision);
    }

    /**
     * The deadline of a check passed (its timer fired at {@code now}): missed, unless answered or released meanwhile.
     * The next check is due one interval after the missed one — or, when the miss is noticed late (a deploy
     * registered after its start, a service that was down), one interval after it was noticed, so that a late
     * window reports one miss, not one per interval that passed unseen.
     */
    public Decision checkOverdue(String timerPayload, Instant now, String onCallPrimary, Policy policy) {
        CheckSchedule.Due due = CheckTimer.parse(timerPayload);
        if (log.released() || (log.checkDue() != null && !log.checkDue().equals(due.dueAt()))) {
            return Decision.nothing();
        }
        CheckMissed missed = new CheckMissed(deployId, started.service(), owner, due.dueAt(), (int) due.every().toMinutes(),
                due.missedAt(), targets(policy.ownership().checks().notifyOnMiss(), onCallPrimary), due.ruleId(), policy.version());
        Decision decision = Decision.by(new io.vigil.policy.PolicyRule(due.ruleId(), policy.version()), missed);
        Instant noticed = now.minus(due.grace());
        return CheckSchedule.after(noticed.isAfter(due.dueAt()) ? noticed : due.dueAt(), window, policy.ownership().checks())
                .map(next -> decision.schedule(CHECK_TIMER, next.missedAt(), CheckTimer.payload(next))).orElse(decision);
    }

    private List<Target> targets(List<Role> roles, String onCallPrimary) {
        List<Target> targets = new ArrayList<>();
        for (Role role : roles) {
            switch (role) {
                case DEPLOY_OWNER -> targets.add(new Target(DutyRole.DEPLOY_OWNER, owner, null));
                case ON_CALL_PRIMARY -> targets.add(new Target(DutyRole.ON_CALL_PRIMARY, onCallPrimary, null));
                default -> targets.add(new Target(DutyRole.valueOf(role.name()), null, null));
            }
        }
        return targets;
    }

    // --- checkpoints (seed 000 checklist) ---

    public Decision completeCheckpoint(Checkpoint checkpoint, Map<String, Object> answers, String by, Instant now, Policy policy) {
        CheckpointRule rule = policy.ownership().checkpoint(checkpoint.name());
        requireOwner(by, rule.ruleId(), "complete a checkpoint");
        Checkpoints.mayComplete(rule, window, log, now);
        return Decision.by(policy.rule(rule), new CheckpointCompleted(deployId, started.service(), checkpoint,
                Checkpoints.complete(rule, answers, log), by, window.startsAt().plus(rule.at()), now));
    }

    public Decision checkpointOverdue(Checkpoint checkpoint, Instant now, String onCallPrimary, Policy policy) {
        if (log.released() || log.checkpointsDone().contains(checkpoint)) {
            return Decision.nothing();
        }
        CheckpointRule rule = policy.ownership().checkpoint(checkpoint.name());
        return Decision.by(policy.rule(rule), new CheckpointMissed(deployId, started.service(), checkpoint, owner,
                window.startsAt().plus(rule.at()), now, Checkpoints.openItems(rule, log),
                targets(policy.ownership().checks().notifyOnMiss(), onCallPrimary), rule.ruleId(), policy.version()));
    }

    // --- sign-off (seed 000 T+48) ---

    public Decision signOff(String by, String comment, Instant now, Policy policy) {
        SignOff.check(by, owner, now, window, log, policy.ownership().signOff());
        return Decision.by(policy.rule(policy.ownership().signOff()),
                        new OwnershipReleased(deployId, started.service(), by, comment.strip(), window.endsAt(), now))
                .cancel(CHECK_TIMER).cancel(CHECKPOINT_TIMER);
    }

    // --- post-mortem duty (seed 000) ---

    public Decision postmortemTriggered(PostmortemTrigger trigger, String triggerRef, Instant at, Policy policy) {
        if (!exists()) {
            return Decision.nothing();
        }
        return PostmortemDuty.required(trigger, triggerRef, at, deployId, started.service(), owner, window, log, policy)
                .map(required -> Decision.by(policy.rule(policy.ownership().postmortem().trigger(PostmortemDuty.spelling(trigger))), required)
                        .schedule(POSTMORTEM_TIMER, required.dueAt(), triggerRef))
                .orElse(Decision.nothing());
    }

    /** A rollback was recorded (already applied to this state): it requires a post-mortem. */
    public Decision rolledBack(String eventId, Instant at, Policy policy) {
        return postmortemTriggered(PostmortemTrigger.ROLLBACK, eventId, at, policy);
    }

    /**
     * Someone intervened by hand in the window (seed 000 "manual intervention required"): the owner, or an ingestion
     * owner or SRE lead ({@code privileged}) reports it, and a post-mortem is required of the owner.
     */
    public Decision manualIntervention(String by, boolean privileged, Instant at, Policy policy) {
        String rule = policy.ownership().postmortem().trigger(PostmortemDuty.spelling(PostmortemTrigger.MANUAL_INTERVENTION)).ruleId();
        if (!privileged && !by.equals(owner)) {
            throw RuleViolation.forbidden(rule, "only the window's owner (" + owner + "), an ingestion owner or the SRE lead may report a manual intervention");
        }
        if (!window.contains(at) || log.released()) {
            throw new RuleViolation(rule, "the window is over; a manual intervention after it requires no post-mortem here");
        }
        return postmortemTriggered(PostmortemTrigger.MANUAL_INTERVENTION, "manual-intervention:" + by + ":" + at, at, policy);
    }

    /** The owner files the incident doc; it answers every post-mortem still open. */
    public Decision filePostmortem(String by, String docUrl, Instant now, Policy policy) {
        List<PostmortemRequired> open = log.openPostmortems();
        String rule = open.isEmpty() ? policy.ownership().postmortem().overdueRuleId() : open.getFirst().policyRule();
        requireOwner(by, rule, "file the post-mortem");
        if (open.isEmpty()) {
            throw new RuleViolation(rule, "no post-mortem is required for this deploy, or it was filed already");
        }
        EventPayload[] filed = open.stream().map(p -> new PostmortemFiled(deployId, started.service(), docUrl, by, p.dueAt(), now))
                .toArray(EventPayload[]::new);
        return Decision.record(filed);
    }

    public Decision postmortemOverdue(String triggerRef, Policy policy) {
        PostmortemRequired required = log.postmortems().get(triggerRef);
        if (required == null || log.filed().contains(triggerRef)) {
            return Decision.nothing();
        }
        String rule = policy.ownership().postmortem().overdueRuleId();
        return Decision.by(new io.vigil.policy.PolicyRule(rule, policy.version()), new PostmortemOverdue(deployId,
                started.service(), owner, required.docPath(), required.dueAt(), rule, policy.version()));
    }

    // --- rollout (seed 004) ---

    public Decision decideRollout(RolloutMetrics metrics, String releaseType, Instant stageStartedAt, String by, Instant now, Policy policy) {
        if (by != null && !by.equals(owner)) {
            throw RuleViolation.forbidden(policy.rollout().go().ruleId(), "only the window's owner (" + owner
                    + ") or a publishing system may report a rollout stage");
        }
        Instant stageStart = stageStartedAt != null ? stageStartedAt : now.minus(Duration.ofSeconds(metrics.observedForSeconds()));
        RolloutGate.Verdict verdict = RolloutGate.decide(metrics, releaseType, stageStart, log.p1Incidents(), policy.rollout(), policy.version());
        return Decision.by(verdict.rule(), new RolloutDecided(deployId, started.service(), verdict.decision(), verdict.reasons(),
                metrics, verdict.mayAdvanceAt(), verdict.nextPercent(), now, verdict.rule().ruleId(), verdict.rule().policyVersion()));
    }

    private void requireOwner(String by, String rule, String what) {
        if (!by.equals(owner)) {
            throw RuleViolation.forbidden(rule, "only the window's owner (" + owner + ") may " + what);
        }
    }
}
