package io.vigil.notification.templates;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vigil.events.killswitch.Approval;
import io.vigil.events.killswitch.KillSwitchActivated;
import io.vigil.events.killswitch.KillSwitchApprovalOverdue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The values of a kill-switch notice: the fields of the activation log (seed 001 §5.2) for one reader. */
public final class KillSwitchValues {
    private KillSwitchValues() {
    }

    public static Map<String, Object> activated(MessageValues reader, KillSwitchActivated a, String role, Instant notifyBy) {
        Map<String, Object> v = new HashMap<>();
        v.put("action", spelt(a.action()));
        v.put("scope", a.scope());
        v.put("severity", a.severity() == null ? "P?" : a.severity().name());
        v.put("time", reader.time(a.activatedAt()));
        v.put("activatedBy", a.activatedBy());
        v.put("reason", a.reason());
        v.put("scenario", spelt(a.scenario()));
        v.put("approval", approval(reader, a));
        v.put("role", role);
        v.put("notifyBy", notifyBy == null ? "now" : reader.time(notifyBy));
        v.put("switchId", a.switchId());
        return v;
    }

    /** An approval that was not given in time: who still has to approve, by when, and whether the switch is in force. */
    public static Map<String, Object> approvalOverdue(MessageValues reader, KillSwitchApprovalOverdue o, Instant at, String role) {
        Map<String, Object> v = new HashMap<>();
        v.put("switchId", o.switchId());
        v.put("time", reader.time(at));
        v.put("missing", o.missingApprovals().isEmpty() ? "unknown"
                : o.missingApprovals().stream().map(KillSwitchValues::spelt).collect(Collectors.joining(" + ")));
        v.put("dueAt", reader.time(o.approvalDueAt()));
        v.put("state", o.active() ? "active, in force without the approval" : "waiting for the approval, not in force");
        v.put("role", role);
        return v;
    }

    private static String approval(MessageValues reader, KillSwitchActivated a) {
        if (a.approvalsRequired().isEmpty()) {
            return "none required";
        }
        String given = a.approvals() == null || a.approvals().isEmpty() ? "none given yet"
                : a.approvals().stream().map(KillSwitchValues::given).collect(Collectors.joining(", "));
        String required = a.approvalsRequired().stream().map(KillSwitchValues::spelt).collect(Collectors.joining(" + "));
        return required + " required; " + given + (a.approvalDueAt() == null ? "" : "; due " + reader.time(a.approvalDueAt()));
    }

    private static String given(Approval approval) {
        return "approved by " + approval.by() + (approval.role() == null ? "" : " (" + spelt(approval.role()) + ")");
    }

    /** An enum as the contract writes it ({@code global-disable}, {@code error-rate-above-20}). */
    static String spelt(Enum<?> value) {
        if (value == null) {
            return "unknown";
        }
        try {
            JsonProperty p = value.getDeclaringClass().getField(value.name()).getAnnotation(JsonProperty.class);
            return p != null ? p.value() : value.name().toLowerCase(java.util.Locale.ROOT);
        } catch (NoSuchFieldException e) {
            return value.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
