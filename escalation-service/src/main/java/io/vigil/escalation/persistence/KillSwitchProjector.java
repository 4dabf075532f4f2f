package io.vigil.escalation.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.escalation.domain.KillSwitch;
import io.vigil.events.DutyRole;
import io.vigil.events.EventCodec;
import io.vigil.events.killswitch.KillSwitchActivated;
import io.vigil.events.killswitch.KillSwitchApprovalOverdue;
import io.vigil.events.killswitch.KillSwitchApproved;
import io.vigil.events.killswitch.KillSwitchRejected;
import io.vigil.events.killswitch.KillSwitchRequested;
import io.vigil.events.killswitch.KillSwitchResumeSigned;
import io.vigil.events.killswitch.KillSwitchResumed;
import io.vigil.platform.eventstore.StoredEvent;
import io.vigil.platform.projection.Projection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Keeps {@code kill_switch} and {@code kill_switch_timeline} in step with the kill-switch events, in the transaction
 * that appends them; rebuilt by {@code POST /admin/projections/kill-switch/rebuild}. It copies what the events say.
 */
@ApplicationScoped
public class KillSwitchProjector implements Projection {
    static final ObjectMapper JSON = EventCodec.objectMapper();
    private final Sql sql;

    public KillSwitchProjector(Sql sql) {
        this.sql = sql;
    }

    @Override
    public String name() {
        return "kill-switch";
    }

    @Override
    public List<String> aggregateTypes() {
        return List.of(KillSwitch.KIND.name());
    }

    @Override
    public void clear() {
        sql.update("DELETE FROM kill_switch_timeline");
        sql.update("DELETE FROM kill_switch");
    }

    @Override
    public void apply(StoredEvent event) {
        switch (event.payload()) {
            case KillSwitchRequested r -> {
                sql.update("""
                        INSERT INTO kill_switch (switch_id, action, scope, scenario, reason, severity, status, requested_by,
                                                 requested_at, duration_minutes, starts_at, aggregate_version)
                        VALUES (?, ?, ?, ?, ?, ?, 'pending-approval', ?, ?, ?, ?, ?)""", r.switchId(), json(r.action()), r.scope(),
                        json(r.scenario()), r.reason(), r.severity().name(), r.requestedBy(), r.requestedAt(), r.durationMinutes(),
                        r.startsAt(), event.version());
                timeline(event, r.requestedBy(), null, r.reason(), null);
            }
            case KillSwitchRejected r -> {
                stamp(event, "status = 'rejected', rejection_reason = ?, policy_rule = ?, policy_version = ?",
                        r.rejectionReason(), r.policyRule(), r.policyVersion());
                timeline(event, null, null, r.rejectionReason(), r.policyRule());
            }
            case KillSwitchActivated a -> {
                stamp(event, """
                        status = 'active', activated_by = ?, activated_at = ?, approvals_required = ?, approval_due_at = ?,
                        notify = ?, policy_rule = ?, policy_version = ?""", a.activatedBy(), a.activatedAt(),
                        json(a.approvalsRequired()), a.approvalDueAt(), json(a.notifyTargets()), a.policyRule(), a.policyVersion());
                timeline(event, a.activatedBy(), null, null, a.policyRule());
            }
            case KillSwitchApproved a -> {
                stamp(event, "status = status");
                timeline(event, a.by(), a.role(), a.comment(), null);
            }
            case KillSwitchApprovalOverdue o -> {
                stamp(event, "approval_overdue = true");
                timeline(event, null, null, "missing: " + json(o.missingApprovals()), o.policyRule());
            }
            case KillSwitchResumeSigned r -> {
                stamp(event, "status = status");
                timeline(event, r.by(), r.role(), "still needs: " + json(r.remainingSigners()), r.policyRule());
            }
            case KillSwitchResumed r -> {
                stamp(event, "status = 'resumed', resumed_by = ?, resumed_at = ?, resume_reason = ?", r.by(), r.resumedAt(), r.reason());
                timeline(event, r.by(), null, r.reason(), r.policyRule());
            }
            default -> {
            }
        }
    }

    private void stamp(StoredEvent event, String set, Object... values) {
        Object[] args = new Object[values.length + 2];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = event.version();
        args[values.length + 1] = event.aggregateId();
        sql.update("UPDATE kill_switch SET " + set + ", aggregate_version = ? WHERE switch_id = ?", args);
    }

    private void timeline(StoredEvent event, String by, DutyRole role, String detail, String rule) {
        sql.update("""
                INSERT INTO kill_switch_timeline (switch_id, version, at, type, actor, by_person, role, detail, policy_rule)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", event.aggregateId(), event.version(), event.event().time(),
                event.event().type().typeName(), event.event().actor(), by, role == null ? null : json(role), detail, rule);
    }

    static String json(Object value) {
        try {
            String s = JSON.writeValueAsString(value);
            return value instanceof Enum<?> ? s.substring(1, s.length() - 1) : s;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
