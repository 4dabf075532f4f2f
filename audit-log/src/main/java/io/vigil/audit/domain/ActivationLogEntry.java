package io.vigil.audit.domain;

import io.vigil.events.DutyRole;
import io.vigil.events.Severity;
import io.vigil.events.killswitch.Approval;
import io.vigil.events.notifications.Channel;

import java.time.Instant;
import java.util.List;

/**
 * One kill-switch activation as seed 001 §5.2 requires it to be logged: timestamp, activated by, reason,
 * severity, scope, approval (if required) and notification sent to — each with the log entries behind it.
 * {@code missing} names every required field not yet present; the entry is complete when it is empty.
 */
public record ActivationLogEntry(
        String switchId,
        Sourced<Instant> timestamp,
        Sourced<String> activatedBy,
        Sourced<String> reason,
        Sourced<Severity> severity,
        Sourced<String> scope,
        Sourced<ApprovalStatus> approval,
        Sourced<List<Notified>> notificationSentTo,
        boolean complete,
        List<String> missing,
        boolean approvalOverdue,
        Instant approvalDueAt,
        Instant resumedAt) {

    /** The seven fields seed 001 §5.2 marks as required, in its order. */
    public static final List<String> REQUIRED_FIELDS =
            List.of("timestamp", "activatedBy", "reason", "severity", "scope", "approval", "notificationSentTo");

    public record ApprovalStatus(boolean required, List<DutyRole> requiredRoles, List<Approval> given, List<DutyRole> outstanding) {
    }

    public record Notified(String recipient, DutyRole role, Channel channel, Instant sentAt) {
    }
}
