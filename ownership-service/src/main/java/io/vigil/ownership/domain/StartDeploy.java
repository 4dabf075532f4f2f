package io.vigil.ownership.domain;

import java.time.Instant;

/** A production deploy to govern; {@code namedOwner} is null when whoever merged the PR owns it. */
public record StartDeploy(
        String deployId,
        String service,
        String version,
        String environment,
        String mergedBy,
        String namedOwner,
        String prUrl,
        boolean stagingReportPassed,
        String rollbackPlanUrl,
        Instant startedAt) {
}
