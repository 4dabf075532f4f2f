package io.vigil.events;

import io.vigil.events.alerts.AlertRaised;
import io.vigil.events.alerts.AlertResolved;
import io.vigil.events.deploys.DeployCompleted;
import io.vigil.events.deploys.DeployFailed;
import io.vigil.events.deploys.DeployRolledBack;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.events.deploys.RolloutStageReported;
import io.vigil.events.incidents.IncidentAcknowledged;
import io.vigil.events.incidents.IncidentEscalated;
import io.vigil.events.incidents.IncidentOpened;
import io.vigil.events.incidents.IncidentResolved;
import io.vigil.events.incidents.IncidentSeverityChanged;
import io.vigil.events.incidents.IncidentUpdateDue;
import io.vigil.events.killswitch.KillSwitchActivated;
import io.vigil.events.killswitch.KillSwitchApprovalOverdue;
import io.vigil.events.killswitch.KillSwitchApproved;
import io.vigil.events.killswitch.KillSwitchRejected;
import io.vigil.events.killswitch.KillSwitchRequested;
import io.vigil.events.killswitch.KillSwitchResumeSigned;
import io.vigil.events.killswitch.KillSwitchResumed;
import io.vigil.events.notifications.NotificationDeadlineMissed;
import io.vigil.events.notifications.NotificationFailed;
import io.vigil.events.notifications.NotificationSent;
import io.vigil.events.ownership.CheckMissed;
import io.vigil.events.ownership.CheckRecorded;
import io.vigil.events.ownership.CheckpointCompleted;
import io.vigil.events.ownership.CheckpointMissed;
import io.vigil.events.ownership.DeployFlagged;
import io.vigil.events.ownership.OwnershipAssigned;
import io.vigil.events.ownership.OwnershipHandedOff;
import io.vigil.events.ownership.OwnershipReleased;
import io.vigil.events.ownership.PhaseAdvanced;
import io.vigil.events.ownership.PhaseGateApproved;
import io.vigil.events.ownership.PhaseGateVetoed;
import io.vigil.events.ownership.PhaseRollbackApproved;
import io.vigil.events.ownership.PhaseRollbackRequested;
import io.vigil.events.ownership.PhaseRolledBack;
import io.vigil.events.ownership.PhaseVetoWithdrawn;
import io.vigil.events.ownership.PostmortemFiled;
import io.vigil.events.ownership.PostmortemOverdue;
import io.vigil.events.ownership.PostmortemRequired;
import io.vigil.events.ownership.ProgramCreated;
import io.vigil.events.ownership.RolloutDecided;
import io.vigil.events.roster.OverrideSet;
import io.vigil.events.roster.PersonRegistered;
import io.vigil.events.roster.RoleGranted;
import io.vigil.events.roster.RoleRevoked;
import io.vigil.events.roster.RotationScheduled;
import io.vigil.events.roster.ShiftStarted;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type of the contract: its CloudEvents {@code type}, the topic it travels on,
 * the record its data maps to, and the JSON Schema that data must satisfy.
 * Names follow {@code vigil.<family>.<past-tense-verb>.v<N>}.
 */
public enum EventType {
    // vigil.deploys
    DEPLOY_STARTED("vigil.deploy.started.v1", Topics.DEPLOYS, DeployStarted.class),
    DEPLOY_COMPLETED("vigil.deploy.completed.v1", Topics.DEPLOYS, DeployCompleted.class),
    DEPLOY_FAILED("vigil.deploy.failed.v1", Topics.DEPLOYS, DeployFailed.class),
    DEPLOY_ROLLED_BACK("vigil.deploy.rolled-back.v1", Topics.DEPLOYS, DeployRolledBack.class),
    ROLLOUT_STAGE_REPORTED("vigil.rollout.stage-reported.v1", Topics.DEPLOYS, RolloutStageReported.class),

    // vigil.roster
    PERSON_REGISTERED("vigil.person.registered.v1", Topics.ROSTER, PersonRegistered.class),
    ROLE_GRANTED("vigil.role.granted.v1", Topics.ROSTER, RoleGranted.class),
    ROLE_REVOKED("vigil.role.revoked.v1", Topics.ROSTER, RoleRevoked.class),
    ROTATION_SCHEDULED("vigil.rotation.scheduled.v1", Topics.ROSTER, RotationScheduled.class),
    OVERRIDE_SET("vigil.override.set.v1", Topics.ROSTER, OverrideSet.class),
    SHIFT_STARTED("vigil.shift.started.v1", Topics.ROSTER, ShiftStarted.class),

    // vigil.ownership
    OWNERSHIP_ASSIGNED("vigil.ownership.assigned.v1", Topics.OWNERSHIP, OwnershipAssigned.class),
    OWNERSHIP_HANDED_OFF("vigil.ownership.handed-off.v1", Topics.OWNERSHIP, OwnershipHandedOff.class),
    CHECK_RECORDED("vigil.check.recorded.v1", Topics.OWNERSHIP, CheckRecorded.class),
    CHECK_MISSED("vigil.check.missed.v1", Topics.OWNERSHIP, CheckMissed.class),
    CHECKPOINT_COMPLETED("vigil.checkpoint.completed.v1", Topics.OWNERSHIP, CheckpointCompleted.class),
    CHECKPOINT_MISSED("vigil.checkpoint.missed.v1", Topics.OWNERSHIP, CheckpointMissed.class),
    OWNERSHIP_RELEASED("vigil.ownership.released.v1", Topics.OWNERSHIP, OwnershipReleased.class),
    POSTMORTEM_REQUIRED("vigil.postmortem.required.v1", Topics.OWNERSHIP, PostmortemRequired.class),
    POSTMORTEM_FILED("vigil.postmortem.filed.v1", Topics.OWNERSHIP, PostmortemFiled.class),
    POSTMORTEM_OVERDUE("vigil.postmortem.overdue.v1", Topics.OWNERSHIP, PostmortemOverdue.class),
    ROLLOUT_DECIDED("vigil.rollout.decided.v1", Topics.OWNERSHIP, RolloutDecided.class),
    DEPLOY_FLAGGED("vigil.deploy.flagged.v1", Topics.OWNERSHIP, DeployFlagged.class),

    // vigil.ownership: rollout programmes and their phase gates (subject: the programme id)
    PROGRAM_CREATED("vigil.program.created.v1", Topics.OWNERSHIP, ProgramCreated.class),
    PHASE_GATE_APPROVED("vigil.phase.gate-approved.v1", Topics.OWNERSHIP, PhaseGateApproved.class),
    PHASE_GATE_VETOED("vigil.phase.gate-vetoed.v1", Topics.OWNERSHIP, PhaseGateVetoed.class),
    PHASE_VETO_WITHDRAWN("vigil.phase.veto-withdrawn.v1", Topics.OWNERSHIP, PhaseVetoWithdrawn.class),
    PHASE_ADVANCED("vigil.phase.advanced.v1", Topics.OWNERSHIP, PhaseAdvanced.class),
    PHASE_ROLLBACK_REQUESTED("vigil.phase.rollback-requested.v1", Topics.OWNERSHIP, PhaseRollbackRequested.class),
    PHASE_ROLLBACK_APPROVED("vigil.phase.rollback-approved.v1", Topics.OWNERSHIP, PhaseRollbackApproved.class),
    PHASE_ROLLED_BACK("vigil.phase.rolled-back.v1", Topics.OWNERSHIP, PhaseRolledBack.class),

    // vigil.alerts
    ALERT_RAISED("vigil.alert.raised.v1", Topics.ALERTS, AlertRaised.class),
    ALERT_RESOLVED("vigil.alert.resolved.v1", Topics.ALERTS, AlertResolved.class),

    // vigil.incidents
    INCIDENT_OPENED("vigil.incident.opened.v1", Topics.INCIDENTS, IncidentOpened.class),
    INCIDENT_ACKNOWLEDGED("vigil.incident.acknowledged.v1", Topics.INCIDENTS, IncidentAcknowledged.class),
    INCIDENT_ESCALATED("vigil.incident.escalated.v1", Topics.INCIDENTS, IncidentEscalated.class),
    INCIDENT_SEVERITY_CHANGED("vigil.incident.severity-changed.v1", Topics.INCIDENTS, IncidentSeverityChanged.class),
    INCIDENT_UPDATE_DUE("vigil.incident.update-due.v1", Topics.INCIDENTS, IncidentUpdateDue.class),
    INCIDENT_RESOLVED("vigil.incident.resolved.v1", Topics.INCIDENTS, IncidentResolved.class),

    // vigil.killswitch
    KILLSWITCH_REQUESTED("vigil.killswitch.requested.v1", Topics.KILLSWITCH, KillSwitchRequested.class),
    KILLSWITCH_REJECTED("vigil.killswitch.rejected.v1", Topics.KILLSWITCH, KillSwitchRejected.class),
    KILLSWITCH_ACTIVATED("vigil.killswitch.activated.v1", Topics.KILLSWITCH, KillSwitchActivated.class),
    KILLSWITCH_APPROVED("vigil.killswitch.approved.v1", Topics.KILLSWITCH, KillSwitchApproved.class),
    KILLSWITCH_APPROVAL_OVERDUE("vigil.killswitch.approval-overdue.v1", Topics.KILLSWITCH, KillSwitchApprovalOverdue.class),
    KILLSWITCH_RESUME_SIGNED("vigil.killswitch.resume-signed.v1", Topics.KILLSWITCH, KillSwitchResumeSigned.class),
    KILLSWITCH_RESUMED("vigil.killswitch.resumed.v1", Topics.KILLSWITCH, KillSwitchResumed.class),

    // vigil.notifications
    NOTIFICATION_SENT("vigil.notification.sent.v1", Topics.NOTIFICATIONS, NotificationSent.class),
    NOTIFICATION_FAILED("vigil.notification.failed.v1", Topics.NOTIFICATIONS, NotificationFailed.class),
    NOTIFICATION_DEADLINE_MISSED("vigil.notification.deadline-missed.v1", Topics.NOTIFICATIONS, NotificationDeadlineMissed.class);

    private static final Map<String, EventType> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));

    private final String typeName;
    private final String topic;
    private final Class<? extends EventPayload> payloadClass;

    EventType(String typeName, String topic, Class<? extends EventPayload> payloadClass) {
        this.typeName = typeName;
        this.topic = topic;
        this.payloadClass = payloadClass;
    }

    public String typeName() {
        return typeName;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends EventPayload> payloadClass() {
        return payloadClass;
    }

    /** Classpath location of the JSON Schema of this type's data. */
    public String schemaResource() {
        return "/schemas/" + typeName + ".json";
    }

    public static Optional<EventType> byName(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }
}
