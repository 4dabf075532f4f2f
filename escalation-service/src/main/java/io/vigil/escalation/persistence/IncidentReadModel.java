package io.vigil.escalation.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the incident projection: the incidents, their alerts, their timelines. */
@ApplicationScoped
public class IncidentReadModel {
    public record IncidentRow(String incidentId, String service, String title, String severity, String status, String scope,
                              String deployId, String deployOwner, Instant openedAt, String policyRule, String policyVersion,
                              String acknowledgedBy, Instant acknowledgedAt, String resolvedBy, Instant resolvedAt,
                              String rootCause, String resolution) {
    }

    public record AlertRow(String alertKey, boolean firing) {
    }

    public record TimelineRow(Instant at, String type, String actor, String severity, Integer step, String action,
                              String targets, String reason, String policyRule) {
    }

    private final Sql sql;

    public IncidentReadModel(Sql sql) {
        this.sql = sql;
    }

    /** The open incident an alert key belongs to, if any. */
    public Optional<String> openIncidentOf(String alertKey) {
        return sql.query("""
                SELECT a.incident_id FROM incident_alert a JOIN incident i ON i.incident_id = a.incident_id
                WHERE a.alert_key = ? AND i.status = 'open' ORDER BY i.opened_at DESC LIMIT 1""", rs -> rs.getString(1), alertKey)
                .stream().findFirst();
    }

    /** The alert keys of the incident that still fire. */
    public java.util.Set<String> firingAlerts(String incidentId) {
        return java.util.Set.copyOf(sql.query("SELECT alert_key FROM incident_alert WHERE incident_id = ? AND firing",
                rs -> rs.getString(1), incidentId));
    }

    public List<IncidentRow> list(boolean openOnly) {
        return sql.query("SELECT * FROM incident" + (openOnly ? " WHERE status = 'open'" : "") + " ORDER BY opened_at DESC, incident_id",
                IncidentReadModel::incident);
    }

    public Optional<IncidentRow> get(String incidentId) {
        return sql.query("SELECT * FROM incident WHERE incident_id = ?", IncidentReadModel::incident, incidentId).stream().findFirst();
    }

    public List<AlertRow> alerts(String incidentId) {
        return sql.query("SELECT alert_key, firing FROM incident_alert WHERE incident_id = ? ORDER BY alert_key",
                rs -> new AlertRow(rs.getString(1), rs.getBoolean(2)), incidentId);
    }

    public List<TimelineRow> timeline(String incidentId) {
        return sql.query("SELECT * FROM incident_timeline WHERE incident_id = ? ORDER BY version",
                rs -> new TimelineRow(Sql.instant(rs, "at"), rs.getString("type"), rs.getString("actor"), rs.getString("severity"),
                        (Integer) rs.getObject("step"), rs.getString("action"), rs.getString("targets"), rs.getString("reason"),
                        rs.getString("policy_rule")), incidentId);
    }

    private static IncidentRow incident(ResultSet rs) throws SQLException {
        return new IncidentRow(rs.getString("incident_id"), rs.getString("service"), rs.getString("title"),
                rs.getString("severity"), rs.getString("status"), rs.getString("scope"), rs.getString("deploy_id"),
                rs.getString("deploy_owner"), Sql.instant(rs, "opened_at"), rs.getString("policy_rule"),
                rs.getString("policy_version"), rs.getString("acknowledged_by"), Sql.instant(rs, "acknowledged_at"),
                rs.getString("resolved_by"), Sql.instant(rs, "resolved_at"), rs.getString("root_cause"), rs.getString("resolution"));
    }
}
