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
    public int handoffs;
    @Column(name = "last_check_at")
    public Instant lastCheckAt;
    @Column(name = "next_check_due_at")
    public Instant nextCheckDueAt;
    @Column(name = "missed_checks")
    public int missedChecks;
    /** Comma-separated checkpoints, in the order they happened, e.g. {@code T0,T4}. */
    @Column(name = "checkpoints_done")
    public String checkpointsDone = "";
    @Column(name = "checkpoints_missed")
    public String checkpointsMissed = "";
    @Column(name = "postmortems_required")
    public int postmortemsRequired;
    @Column(name = "postmortems_filed")
    public int postmortemsFiled;
    @Column(name = "postmortems_overdue")
    public int postmortemsOverdue;
    @Column(name = "last_rollout_decision")
    public String lastRolloutDecision;
    /** Comma-separated rule ids the deploy was flagged for at its start (pre-deploy gaps, avoided slots). */
    public String violations = "";
    @Column(name = "signed_off_by")
    public String signedOffBy;
    @Column(name = "aggregate_version")
    public int aggregateVersion;
}
