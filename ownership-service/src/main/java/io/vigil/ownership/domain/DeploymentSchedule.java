package io.vigil.ownership.domain;

import io.vigil.policy.DeploySchedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 002 "Deployment Schedule": production deploys avoid peak hours, Friday afternoons, weekends and holidays,
 * unless an emergency; hotfix release types may deploy any time. Slots are local to the policy's time zone.
 */
public final class DeploymentSchedule {

    /** An avoided slot the deploy fell into: its rule and why. */
    public record Violation(String ruleId, String reason) {
    }

    private DeploymentSchedule() {
    }

    public static List<Violation> violations(Instant startedAt, String releaseType, boolean emergency, DeploySchedule schedule) {
        if (emergency || (releaseType != null && schedule.exemptReleaseTypes().contains(releaseType))) {
            return List.of();
        }
        LocalDateTime local = LocalDateTime.ofInstant(startedAt, schedule.zone());
        List<Violation> found = new ArrayList<>();
        for (DeploySchedule.Avoid avoid : schedule.avoid()) {
            if (avoid.covers(local)) {
                found.add(new Violation(avoid.ruleId(), avoid.ruleId() + ": production deploys are avoided on " + local.getDayOfWeek()
                        + (avoid.from() == null ? "" : " from " + avoid.from()) + (avoid.to() == null ? "" : " to " + avoid.to())
                        + " (" + schedule.zone() + ", started " + local + ") unless declared an emergency"));
            }
        }
        if (schedule.holidays() != null && schedule.holidays().dates().contains(local.toLocalDate())) {
            found.add(new Violation(schedule.holidays().ruleId(), schedule.holidays().ruleId() + ": " + local.toLocalDate()
                    + " is a holiday; production deploys are avoided unless declared an emergency"));
        }
        return found;
    }
}
