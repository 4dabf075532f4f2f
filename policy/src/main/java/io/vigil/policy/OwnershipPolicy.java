package io.vigil.policy;

import java.time.Duration;
import java.util.List;

/**
 * Deploy ownership (seed 000, DESIGN §3): the 48 h window, who owns it, how often it is checked, its checkpoints,
 * sign-off, post-mortem duty, the pre-deploy checklist and the deployment schedule (seed 002).
 */
public record OwnershipPolicy(
        Window window,
        DefaultOwner defaultOwner,
        Handoff handoff,
        StabilizationDuty stabilizationDuty,
        CheckCadence checks,
        List<CheckpointRule> checkpoints,
        SignOff signOff,
        PostmortemPolicy postmortem,
        List<PreDeployItem> preDeploy,
        DeploySchedule schedule) {

    public OwnershipPolicy {
        checkpoints = List.copyOf(checkpoints);
        preDeploy = List.copyOf(preDeploy);
    }

    /** The checkpoint named {@code T0}, {@code T4}, {@code T24} or {@code T48}. */
    public CheckpointRule checkpoint(String name) {
        return checkpoints.stream().filter(c -> c.checkpoint().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no checkpoint " + name + " in the policy"));
    }

    /** The stabilization window: from the deploy's start, this long. */
    public record Window(String ruleId, Duration length) implements Rule {
    }

    /** {@code owner: pr-merger}: whoever merged the deploy PR owns it, unless another owner is named. */
    public record DefaultOwner(String ruleId, String owner, boolean namedOwnerWins) implements Rule {
    }

    /** Who may hand a window off (one atomic event from → to), and whether a reason is required. */
    public record Handoff(String ruleId, List<Role> by, boolean reasonRequired) implements Rule {
        public Handoff {
            by = List.copyOf(by);
        }
    }

    /** While a person owns a window they are on stabilization duty: no feature work. */
    public record StabilizationDuty(String ruleId, boolean noFeatureWork) implements Rule {
    }

    /** Sign-off releases ownership: not before {@code notBefore} after the start, with the checkpoint's checklist done. */
    public record SignOff(String ruleId, Duration notBefore, List<Role> by, String requiresCheckpoint) implements Rule {
        public SignOff {
            by = List.copyOf(by);
        }
    }

    /**
     * An item of the pre-deploy checklist (seed 000 "Pre-Deploy", seed 002 "Pre-Deployment").
     *
     * @param seed       the seed document it comes from, e.g. {@code 000}
     * @param answeredBy the {@code deploy.started} field that answers it, or null when a person must
     */
    public record PreDeployItem(String ruleId, String item, String seed, String text, String answeredBy) implements Rule {
    }
}
