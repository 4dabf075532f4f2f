package io.vigil.notification.domain;

/** The message templates, each a Qute file {@code notification-templates/<id>.txt} versioned with the code. */
public enum MessageTemplate {
    INCIDENT_START("incident-start"),
    INCIDENT_UPDATE("incident-update"),
    INCIDENT_RESOLVED("incident-resolved"),
    ESCALATION_PAGE("escalation-page"),
    KILLSWITCH_ACTIVATED("killswitch-activated"),
    KILLSWITCH_APPROVAL_OVERDUE("killswitch-approval-overdue"),
    CHECK_MISSED("check-missed"),
    CHECKPOINT_MISSED("checkpoint-missed"),
    HANDOFF("handoff"),
    POSTMORTEM_REQUIRED("postmortem-required"),
    POSTMORTEM_OVERDUE("postmortem-overdue"),
    TEST("test");

    private final String id;

    MessageTemplate(String id) {
        this.id = id;
    }

    /** The name events and the API use, e.g. {@code incident-start}. */
    public String id() {
        return id;
    }
}
