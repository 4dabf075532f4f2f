package io.vigil.ownership.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A production deploy to govern; {@code namedOwner} is null when whoever merged the PR owns it.
 *
 * @param preDeploy the pre-deploy checklist items confirmed by whoever registers it (item key → confirmed)
 * @param releaseType patch, minor or major; null when not known
 * @param emergency declared an emergency: the deployment schedule does not apply
 */
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
        Instant startedAt,
        Map<String, Boolean> preDeploy,
        String releaseType,
        boolean emergency) {

    public StartDeploy {
        preDeploy = preDeploy == null ? Map.of() : Map.copyOf(preDeploy);
    }

    /** Without pre-deploy answers, release type or emergency: what a CI/CD system's {@code deploy.started} says. */
    public StartDeploy(String deployId, String service, String version, String environment, String mergedBy, String namedOwner,
                       String prUrl, boolean stagingReportPassed, String rollbackPlanUrl, Instant startedAt) {
        this(deployId, service, version, environment, mergedBy, namedOwner, prUrl, stagingReportPassed, rollbackPlanUrl,
                startedAt, Map.of(), null, false);
    }
}
