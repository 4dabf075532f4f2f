package io.vigil.escalation.persistence;

import io.vigil.escalation.domain.Alert;
import io.vigil.escalation.domain.Incident;
import io.vigil.events.Target;
import io.vigil.events.alerts.AlertRaised;
import io.vigil.events.alerts.AlertResolved;
import io.vigil.events.incidents.IncidentAcknowledged;
import io.vigil.events.incidents.IncidentEscalated;
import io.vigil.events.incidents.IncidentOpened;
import io.vigil.events.incidents.IncidentResolved;
import io.vigil.events.incidents.IncidentSeverityChanged;
import io.vigil.events.incidents.IncidentUpdateDue;
import io.vigil.platform.eventstore.StoredEvent;
import io.vigil.platform.projection.Projection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps {@code incident}, {@code incident_alert} and {@code incident_timeline} in step with the incident and alert
 * events, in the transaction that appends them; rebuilt by {@code POST /admin/projections/incident/rebuild}.
 * It copies what the events say; no rule is decided here.
 */
@ApplicationScoped
public class IncidentProjector implements Projection {
    private final Sql sql;

    public IncidentProjector(Sql sql) {
        this.sql = sql;
    }

    @Override
    public String name() {
        return "incident";
    }

    @Override
    public List<String> aggregateTypes() {
        return List.of(Incident.KIND.name(), Alert.KIND.name());
    }

    @Override
    public void clear() {
        sql.update("DELETE FROM incident_timeline");
        sql.update("DELETE FROM incident_alert");
        sql.update("DELETE FROM incident");
    }

    @Override
    public void apply(StoredEvent event) {
        switch (event.payload()) {
            case AlertRaised r -> firing(r.alertKey(), true);
            case AlertResolved r -> firing(r.alertKey(), false);
            case IncidentOpened o -> {
                sql.update("""
                        INSERT INTO incident (incident_id, service, title, severity, status, scope, deploy_id, deploy_owner,
                                              opened_at, policy_rule, policy_version, aggregate_version)
                        VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?)""", o.incidentId(), o.service(), o.title(),
                        o.severity().name(), o.scope(), o.deployId(), o.deployOwner(), o.openedAt(), o.policyRule(),
                        o.policyVersion(), event.version());
                for (String key : o.alertKeys()) {
                    sql.update("INSERT INTO incident_alert (incident_id, alert_key, firing) VALUES (?, ?, true)", o.incidentId(), key);
                }
                timeline(event, o.severity().name(), null, null, null, String.join(", ", o.severityReasons()), o.policyRule());
            }
            case IncidentEscalated e -> timeline(event, e.severity().name(), e.step(), e.action().name().toLowerCase(java.util.Locale.ROOT),
                    e.targets().stream().map(IncidentProjector::target).collect(Collectors.joining(", ")), e.reason(), e.policyRule());
            case IncidentAcknowledged a -> {
                stamp(event, "acknowledged_by = ?, acknowledged_at = ?", a.acknowledgedBy(), a.acknowledgedAt());
                timeline(event, null, null, null, null, null, null);
            }
            case IncidentSeverityChanged c -> {
                stamp(event, "severity = ?", c.to().name());
                timeline(event, c.to().name(), null, null, null, c.from() + " → " + c.to() + ": " + c.reason(), c.policyRule());
            }
            case IncidentUpdateDue u -> {
                stamp(event, "status = status");
                timeline(event, u.severity().name(), null, null, u.onCall(), "update " + u.updateNumber() + " due", u.policyRule());
            }
            case IncidentResolved r -> {
                stamp(event, "status = 'resolved', resolved_by = ?, resolved_at = ?, root_cause = ?, resolution = ?",
                        r.resolvedBy(), r.resolvedAt(), r.rootCause(), r.resolution());
                timeline(event, r.severity().name(), null, null, null, r.rootCause(), null);
            }
            default -> {
            }
        }
    }

    /** An alert that fires again, or stops, in the open incident it belongs to. */
    private void firing(String alertKey, boolean firing) {
        sql.update("""
                UPDATE incident_alert SET firing = ? WHERE alert_key = ?
                AND incident_id IN (SELECT incident_id FROM incident WHERE status = 'open')""", firing, alertKey);
    }

    private void stamp(StoredEvent event, String set, Object... values) {
        Object[] args = new Object[values.length + 2];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = event.version();
        args[values.length + 1] = event.aggregateId();
        sql.update("UPDATE incident SET " + set + ", aggregate_version = ? WHERE incident_id = ?", args);
    }

    private void timeline(StoredEvent event, String severity, Integer step, String action, String targets, String reason, String rule) {
        sql.update("""
                INSERT INTO incident_timeline (incident_id, version, at, type, actor, severity, step, action, targets, reason, policy_rule)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", event.aggregateId(), event.version(), event.event().time(),
                event.event().type().typeName(), event.event().actor(), severity, step, action, targets, reason, rule);
    }

    private static String target(Target t) {
        String role = t.role().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return role + "=" + (t.person() == null ? "nobody" : t.person());
    }
}
