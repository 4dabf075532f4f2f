package io.vigil.policy;

import java.time.Duration;
import java.util.List;

/** Checks of the time lines: cadence bands, checkpoints, sign-off, escalation ladders. */
final class TimelineChecks {

    static void check(Policy policy, PolicyChecks checks) {
        OwnershipPolicy ownership = policy.ownership();
        Duration window = ownership.window().length();
        if (!window.isPositive()) {
            checks.fail("/ownership/window/length", "must be longer than zero");
        }
        cadence(ownership.checks().cadence(), window, checks);
        checkpoints(ownership, window, checks);
        ladder("P1", policy.ladder().p1(), checks);
        ladder("P2", policy.ladder().p2(), checks);
        ladder("P3", policy.ladder().p3(), checks);
    }

    /** Bands must start at T+0, follow each other without gap or overlap, and end with the window. */
    private static void cadence(List<CheckCadence.Band> bands, Duration window, PolicyChecks checks) {
        Duration expectedFrom = Duration.ZERO;
        for (int i = 0; i < bands.size(); i++) {
            CheckCadence.Band band = bands.get(i);
            String at = "/ownership/checks/cadence/" + i;
            if (!band.from().equals(expectedFrom)) {
                checks.fail(at + "/from", i == 0
                        ? "must be PT0S: the first band starts with the window"
                        : "must be " + expectedFrom + ", the end of band " + (i - 1) + ": bands must be contiguous");
            }
            if (band.to().compareTo(band.from()) <= 0) {
                checks.fail(at + "/to", "must be after from (" + band.from() + ")");
            }
            if (!band.every().isPositive() || band.every().compareTo(band.to().minus(band.from())) > 0) {
                checks.fail(at + "/every", "must be longer than zero and at most the band's length");
            }
            expectedFrom = band.to();
        }
        if (!bands.isEmpty() && !expectedFrom.equals(window)) {
            checks.fail("/ownership/checks/cadence/" + (bands.size() - 1) + "/to",
                    "must be " + window + ": the bands must cover the whole window");
        }
    }

    /** Checkpoint T<n> is at n hours, inside the window, in ascending order; sign-off refers to one of them. */
    private static void checkpoints(OwnershipPolicy ownership, Duration window, PolicyChecks checks) {
        List<CheckpointRule> checkpoints = ownership.checkpoints();
        checks.exactlyOnce("/ownership/checkpoints", "checkpoint",
                checkpoints.stream().map(CheckpointRule::checkpoint).toList(), List.of());
        Duration previous = null;
        for (int i = 0; i < checkpoints.size(); i++) {
            CheckpointRule checkpoint = checkpoints.get(i);
            String at = "/ownership/checkpoints/" + i + "/at";
            Duration named = Duration.ofHours(Long.parseLong(checkpoint.checkpoint().substring(1)));
            if (!checkpoint.at().equals(named)) {
                checks.fail(at, "must be " + named + " for checkpoint " + checkpoint.checkpoint());
            }
            if (checkpoint.at().compareTo(window) > 0) {
                checks.fail(at, "must lie within the window (" + window + ")");
            }
            if (previous != null && checkpoint.at().compareTo(previous) <= 0) {
                checks.fail(at, "must be later than the previous checkpoint (" + previous + ")");
            }
            previous = checkpoint.at();
        }
        OwnershipPolicy.SignOff signOff = ownership.signOff();
        if (checkpoints.stream().noneMatch(c -> c.checkpoint().equals(signOff.requiresCheckpoint()))) {
            checks.fail("/ownership/signOff/requiresCheckpoint", "names no checkpoint of /ownership/checkpoints");
        }
        if (signOff.notBefore().compareTo(window) > 0) {
            checks.fail("/ownership/signOff/notBefore", "must not be later than the window's end (" + window + ")");
        }
    }

    /** Steps fire in ascending time; two steps at the same minute would be one step. */
    private static void ladder(String severity, Ladder ladder, PolicyChecks checks) {
        List<Ladder.Step> steps = ladder.steps();
        for (int i = 1; i < steps.size(); i++) {
            Duration previous = steps.get(i - 1).after();
            if (steps.get(i).after().compareTo(previous) <= 0) {
                checks.fail("/ladder/" + severity + "/steps/" + i + "/after",
                        "must be later than step " + (i - 1) + " (" + previous + "): steps are in ascending time");
            }
        }
    }

    private TimelineChecks() {
    }
}
