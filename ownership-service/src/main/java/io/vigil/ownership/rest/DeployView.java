package io.vigil.ownership.rest;

import io.vigil.ownership.persistence.DeployWindowEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A deploy and its window as the API shows it; {@code violations}: the rules it was flagged for at its start. */
public record DeployView(String deployId, String service, String version, String environment, String mergedBy,
                         String owner, String prUrl, String rollbackPlanUrl, boolean stagingReportPassed,
                         Instant startedAt, Instant windowEndsAt, Instant releasedAt, String signedOffBy,
                         int handoffs, Instant lastCheckAt, Instant nextCheckDueAt, int missedChecks,
                         List<String> checkpointsDone, List<String> checkpointsMissed,
                         Postmortems postmortems, String lastRolloutDecision, List<String> violations) {

    public record Postmortems(int required, int filed, int overdue) {
    }

    static DeployView of(DeployWindowEntity w) {
        return new DeployView(w.deployId, w.service, w.version, w.environment, w.mergedBy, w.owner, w.prUrl,
                w.rollbackPlanUrl, w.stagingReportPassed, w.startedAt, w.windowEndsAt, w.releasedAt, w.signedOffBy,
                w.handoffs, w.lastCheckAt, w.nextCheckDueAt, w.missedChecks, list(w.checkpointsDone), list(w.checkpointsMissed),
                new Postmortems(w.postmortemsRequired, w.postmortemsFiled, w.postmortemsOverdue), w.lastRolloutDecision,
                list(w.violations));
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }
}
