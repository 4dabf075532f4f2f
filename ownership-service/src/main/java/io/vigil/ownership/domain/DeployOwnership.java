package io.vigil.ownership.domain;

import io.vigil.events.EventPayload;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.events.ownership.OwnershipAssigned;
import io.vigil.platform.domain.AggregateKind;
import io.vigil.platform.domain.Decision;
import io.vigil.platform.domain.RuleViolation;

/**
 * The deploy aggregate: a production deploy and who owns its stabilization window. Immutable state
 * rebuilt from its events ({@link #KIND}); commands return the {@link Decision} they take, which the
 * platform's repository writes.
 */
public record DeployOwnership(String deployId, DeployStarted started, String owner, StabilizationWindow window) {
    public static final AggregateKind<DeployOwnership> KIND = new AggregateKind<>() {
        @Override
        public String name() {
            return "deploy";
        }

        @Override
        public DeployOwnership initial(String id) {
            return new DeployOwnership(id, null, null, null);
        }

        @Override
        public DeployOwnership apply(DeployOwnership d, EventPayload event) {
            return switch (event) {
                case DeployStarted s -> new DeployOwnership(d.deployId, s, d.owner, d.window);
                case OwnershipAssigned a -> new DeployOwnership(d.deployId, d.started, a.owner(),
                        new StabilizationWindow(a.windowStartsAt(), a.windowEndsAt()));
                default -> d; // events this aggregate does not track yet leave its state as it is
            };
        }
    };

    public boolean exists() {
        return started != null;
    }

    /** A deploy registered with Vigil directly: it starts, and its owner is assigned in the same breath. */
    public Decision start(StartDeploy command, OwnershipRules rules) {
        if (exists()) {
            throw new RuleViolation("deploy-id-unique", "deploy '" + deployId + "' was already started");
        }
        DeployStarted started = new DeployStarted(command.deployId(), command.service(), command.version(),
                command.environment(), command.mergedBy(), command.prUrl(), command.stagingReportPassed(),
                command.rollbackPlanUrl(), command.startedAt());
        OwnerSelection.Choice choice = OwnerSelection.choose(started.mergedBy(), command.namedOwner());
        return Decision.by(rules.defaultOwner(), started, assignment(started, choice, rules));
    }

    /** A deploy a CI/CD system announced (already applied to this state): its owner is assigned. */
    public Decision assignOwner(OwnershipRules rules) {
        if (owner != null) {
            return Decision.nothing();
        }
        OwnerSelection.Choice choice = OwnerSelection.choose(started.mergedBy(), null);
        return Decision.by(rules.defaultOwner(), assignment(started, choice, rules));
    }

    private static OwnershipAssigned assignment(DeployStarted started, OwnerSelection.Choice choice, OwnershipRules rules) {
        StabilizationWindow window = StabilizationWindow.from(started.startedAt(), rules.windowLength());
        return new OwnershipAssigned(started.deployId(), started.service(), choice.owner(), choice.because(),
                window.startsAt(), window.endsAt(), rules.defaultOwner().ruleId(), rules.defaultOwner().policyVersion());
    }
}
