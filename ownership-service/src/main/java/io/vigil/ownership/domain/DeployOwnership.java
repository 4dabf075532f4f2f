package io.vigil.ownership.domain;

import io.vigil.events.EventPayload;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.events.ownership.OwnershipAssigned;
import io.vigil.platform.domain.RuleViolation;

import java.util.List;

/**
 * The deploy aggregate: a production deploy and who owns its stabilization window.
 * Rebuilt from its events; commands return the events they decide, which the caller appends.
 */
public final class DeployOwnership {
    public static final String AGGREGATE_TYPE = "deploy";

    private String owner;
    private StabilizationWindow window;
    private int version;

    public static DeployOwnership replay(List<? extends EventPayload> history) {
        DeployOwnership deploy = new DeployOwnership();
        history.forEach(deploy::apply);
        return deploy;
    }

    public boolean exists() {
        return version > 0;
    }

    public int version() {
        return version;
    }

    public String owner() {
        return owner;
    }

    public StabilizationWindow window() {
        return window;
    }

    /** A deploy registered with Vigil directly: it starts, and its owner is assigned in the same breath. */
    public List<EventPayload> start(StartDeploy command) {
        requireNew(command.deployId());
        DeployStarted started = new DeployStarted(command.deployId(), command.service(), command.version(),
                command.environment(), command.mergedBy(), command.prUrl(), command.stagingReportPassed(),
                command.rollbackPlanUrl(), command.startedAt());
        return List.of(started, assign(started, command.namedOwner()));
    }

    /** A deploy a CI/CD system announced: Vigil records the fact and assigns its owner. */
    public List<EventPayload> assignOwnerOf(DeployStarted started) {
        requireNew(started.deployId());
        return List.of(assign(started, null));
    }

    private static OwnershipAssigned assign(DeployStarted started, String namedOwner) {
        OwnerSelection.Choice choice = OwnerSelection.choose(started.mergedBy(), namedOwner);
        StabilizationWindow window = StabilizationWindow.from(started.startedAt());
        return new OwnershipAssigned(started.deployId(), started.service(), choice.owner(), choice.because(),
                window.startsAt(), window.endsAt());
    }

    private void requireNew(String id) {
        if (exists()) {
            throw new RuleViolation("deploy-id-unique", "deploy '" + id + "' was already started");
        }
    }

    private void apply(EventPayload event) {
        switch (event) {
            case DeployStarted ignored -> {
                // the start itself only counts as a version; owner and window come with ownership.assigned
            }
            case OwnershipAssigned a -> {
                owner = a.owner();
                window = new StabilizationWindow(a.windowStartsAt(), a.windowEndsAt());
            }
            default -> {
                // events this aggregate does not track yet leave its state as it is
            }
        }
        version++;
    }
}
