package io.vigil.audit.domain;

import io.vigil.events.DutyRole;
import io.vigil.events.Target;
import io.vigil.events.killswitch.Approval;
import io.vigil.events.killswitch.KillSwitchActivated;
import io.vigil.events.killswitch.KillSwitchApprovalOverdue;
import io.vigil.events.killswitch.KillSwitchApproved;
import io.vigil.events.killswitch.KillSwitchResumed;
import io.vigil.events.notifications.NotificationSent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the activation log entry of one switch from its kill-switch events and the notifications they caused.
 * Approval is present when nothing had to be approved or every required role approved; notification is present
 * when every notify target (by role, else by person) got a notification. An approval still outstanding after
 * its deadline, or reported overdue, shows as overdue.
 */
public final class ActivationAssembly {

    public static Optional<ActivationLogEntry> assemble(String switchId, List<AuditedEvent> events, Instant now) {
        AuditedEvent activation = events.stream().filter(e -> e.payload() instanceof KillSwitchActivated).findFirst().orElse(null);
        if (activation == null) {
            return Optional.empty();
        }
        KillSwitchActivated a = (KillSwitchActivated) activation.payload();
        long seq = activation.seq();

        List<Approval> given = new ArrayList<>(a.approvals());
        List<Long> approvalSeqs = new ArrayList<>(List.of(seq));
        List<ActivationLogEntry.Notified> notified = new ArrayList<>();
        List<Long> notificationSeqs = new ArrayList<>();
        boolean reportedOverdue = false;
        Instant resumedAt = null;
        for (AuditedEvent e : events) {
            switch (e.payload()) {
                case KillSwitchApproved ok -> {
                    given.add(new Approval(ok.by(), ok.role(), ok.approvedAt()));
                    approvalSeqs.add(e.seq());
                }
                case KillSwitchApprovalOverdue ignored -> reportedOverdue = true;
                case KillSwitchResumed r -> resumedAt = r.resumedAt();
                case NotificationSent n -> {
                    notified.add(new ActivationLogEntry.Notified(n.recipient(), n.role(), n.channel(), n.sentAt()));
                    notificationSeqs.add(e.seq());
                }
                default -> {
                }
            }
        }

        List<DutyRole> outstanding = a.approvalsRequired().stream()
                .filter(role -> given.stream().noneMatch(g -> g.role() == role)).toList();
        var approval = new ActivationLogEntry.ApprovalStatus(!a.approvalsRequired().isEmpty(), a.approvalsRequired(), given, outstanding);
        List<String> unnotified = unnotified(a.notifyTargets(), notified);

        List<String> missing = new ArrayList<>();
        require(missing, "timestamp", a.activatedAt());
        require(missing, "activatedBy", a.activatedBy());
        require(missing, "reason", a.reason());
        require(missing, "severity", a.severity());
        require(missing, "scope", a.scope());
        if (!outstanding.isEmpty()) {
            missing.add("approval: " + names(outstanding) + " not yet approved");
        }
        if (notified.isEmpty() || !unnotified.isEmpty()) {
            missing.add("notificationSentTo: " + (unnotified.isEmpty() ? "no notification sent" : String.join(", ", unnotified) + " not notified"));
        }
        boolean overdue = !outstanding.isEmpty()
                && (reportedOverdue || (a.approvalDueAt() != null && !now.isBefore(a.approvalDueAt())));

        return Optional.of(new ActivationLogEntry(switchId,
                Sourced.of(a.activatedAt(), seq), Sourced.of(a.activatedBy(), seq), Sourced.of(a.reason(), seq),
                Sourced.of(a.severity(), seq), Sourced.of(a.scope(), seq),
                new Sourced<>(approval, approvalSeqs), new Sourced<>(List.copyOf(notified), notificationSeqs),
                missing.isEmpty(), List.copyOf(missing), overdue, a.approvalDueAt(), resumedAt));
    }

    private static List<String> unnotified(List<Target> targets, List<ActivationLogEntry.Notified> notified) {
        return targets.stream()
                .filter(t -> notified.stream().noneMatch(n -> t.role() != null ? t.role() == n.role() : Objects.equals(t.person(), n.recipient())))
                .map(t -> t.role() != null ? name(t.role()) : t.person())
                .toList();
    }

    private static void require(List<String> missing, String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            missing.add(field + ": absent");
        }
    }

    private static String names(List<DutyRole> roles) {
        return String.join(", ", roles.stream().map(ActivationAssembly::name).toList());
    }

    private static String name(DutyRole role) {
        return role.name().toLowerCase().replace('_', '-');
    }

    private ActivationAssembly() {
    }
}
