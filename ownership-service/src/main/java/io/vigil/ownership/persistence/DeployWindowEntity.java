package io.vigil.ownership.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Read model of a deploy and its stabilization window; written only by {@code DeployWindowProjector}. */
@Entity
@Table(name = "deploy_window")
public class DeployWindowEntity {
    @Id
    @Column(name = "deploy_id")
    public String deployId;
    public String service;
    public String version;
    public String environment;
    @Column(name = "merged_by")
    public String mergedBy;
    public String owner;
    @Column(name = "pr_url")
    public String prUrl;
    @Column(name = "rollback_plan_url")
    public String rollbackPlanUrl;
    @Column(name = "staging_report_passed")
    public boolean stagingReportPassed;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "window_ends_at")
    public Instant windowEndsAt;
    @Column(name = "released_at")
    public Instant releasedAt;
    @Column(name = "aggregate_version")
    public int aggregateVersion;
}
