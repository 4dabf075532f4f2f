package io.vigil.escalation.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the kill-switch projection: the switches, their timelines, and which are in force over a scope. */
@ApplicationScoped
public class KillSwitchReadModel {
    public record SwitchRow(String switchId, String action, String scope, String scenario, String reason, String severity,
                            String status, String requestedBy, Instant requestedAt, Integer durationMinutes, Instant startsAt,
                            String activatedBy, Instant activatedAt, JsonNode approvalsRequired, Instant approvalDueAt,
                            boolean approvalOverdue, JsonNode notifyTargets, String rejectionReason, String resumedBy,
                            Instant resumedAt, String resumeReason, String policyRule, String policyVersion) {
    }

    public record TimelineRow(Instant at, String type, String actor, String by, String role, String detail, String policyRule) {
    }

    private final Sql sql;

    public KillSwitchReadModel(Sql sql) {
        this.sql = sql;
    }

    public List<SwitchRow> list(boolean activeOnly) {
        return sql.query("SELECT * FROM kill_switch" + (activeOnly ? " WHERE status = 'active'" : "")
                + " ORDER BY requested_at DESC, switch_id", KillSwitchReadModel::row);
    }

    public Optional<SwitchRow> get(String switchId) {
        return sql.query("SELECT * FROM kill_switch WHERE switch_id = ?", KillSwitchReadModel::row, switchId).stream().findFirst();
    }

    /** The switches in force over {@code scope}: its own and, for a workspace, the global ones. */
    public List<SwitchRow> inForceOver(String scope) {
        return sql.query("SELECT * FROM kill_switch WHERE status = 'active' AND (scope = ? OR scope = 'global') ORDER BY activated_at",
                KillSwitchReadModel::row, scope);
    }

    public List<TimelineRow> timeline(String switchId) {
        return sql.query("SELECT * FROM kill_switch_timeline WHERE switch_id = ? ORDER BY version",
                rs -> new TimelineRow(Sql.instant(rs, "at"), rs.getString("type"), rs.getString("actor"), rs.getString("by_person"),
                        rs.getString("role"), rs.getString("detail"), rs.getString("policy_rule")), switchId);
    }

    private static SwitchRow row(ResultSet rs) throws SQLException {
        return new SwitchRow(rs.getString("switch_id"), rs.getString("action"), rs.getString("scope"), rs.getString("scenario"),
                rs.getString("reason"), rs.getString("severity"), rs.getString("status"), rs.getString("requested_by"),
                Sql.instant(rs, "requested_at"), (Integer) rs.getObject("duration_minutes"), Sql.instant(rs, "starts_at"),
                rs.getString("activated_by"), Sql.instant(rs, "activated_at"), tree(rs.getString("approvals_required")),
                Sql.instant(rs, "approval_due_at"), rs.getBoolean("approval_overdue"), tree(rs.getString("notify")),
                rs.getString("rejection_reason"), rs.getString("resumed_by"), Sql.instant(rs, "resumed_at"),
                rs.getString("resume_reason"), rs.getString("policy_rule"), rs.getString("policy_version"));
    }

    private static JsonNode tree(String json) {
        try {
            return json == null ? null : KillSwitchProjector.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
