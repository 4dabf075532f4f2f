package io.vigil.ownership.rest;

import io.vigil.ownership.persistence.DeployWindowEntity;

import java.time.Instant;

/** A deploy as the API shows it. */
public record DeployView(String deployId, String service, String version, String environment, String mergedBy,
                         String owner, String prUrl, String rollbackPlanUrl, boolean stagingReportPassed,
                         Instant startedAt, Instant windowEndsAt, Instant releasedAt) {

    static DeployView of(DeployWindowEntity w) {
        return new DeployView(w.deployId, w.service, w.version, w.environment, w.mergedBy, w.owner, w.prUrl,
                w.rollbackPlanUrl, w.stagingReportPassed, w.startedAt, w.windowEndsAt, w.releasedAt);
    }
}
