package io.vigil.notification.templates;

import io.vigil.events.Severity;
import io.vigil.events.incidents.EscalationAction;
import io.vigil.events.incidents.IncidentEscalated;
import io.vigil.events.incidents.IncidentResolved;
import io.vigil.events.incidents.IncidentUpdateDue;
import io.vigil.notification.domain.DurationText;
import io.vigil.notification.domain.IncidentFacts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * The values the templates show, written for one reader: times in their own time zone, unknown facts said so.
 *
 * @param zone           the reader's time zone
 * @param onCall         display name of the on-call primary at that instant, or null
 * @param updateInterval how often updates are due (policy {@code incidentUpdates.every})
 */
public record MessageValues(ZoneId zone, String onCall, Duration updateInterval) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz");
    private static final String UNKNOWN = "unknown";

    public String time(Instant at) {
        return at == null ? UNKNOWN : TIME.format(at.atZone(zone));
    }

    public Map<String, Object> start(IncidentFacts f, Instant openedAt) {
        Map<String, Object> v = common(f, f.severity());
        v.put("time", time(openedAt));
        v.put("impact", impact(f));
        v.put("onCall", orUnknown(onCall));
        v.put("nextUpdate", time(openedAt.plus(updateInterval)));
        return v;
    }

    public Map<String, Object> update(IncidentFacts f, IncidentUpdateDue due) {
        Map<String, Object> v = common(f, due.severity() != null ? due.severity() : f.severity());
        v.put("time", time(due.dueAt()));
        v.put("status", f.resolved() ? "resolved" : "investigating");
        v.put("findings", findings(f));
        v.put("nextSteps", f.acknowledgedBy() == null
                ? "waiting for the on-call (" + orUnknown(onCall) + ") to acknowledge"
                : f.acknowledgedBy() + " continues the investigation");
        v.put("nextUpdate", time(due.dueAt().plus(updateInterval)));
        return v;
    }

    /** Follow-up: a post-incident review for P1 (seed 001 §4.3: a resolved P1 goes to post-incident). */
    public Map<String, Object> resolved(IncidentFacts f, IncidentResolved r) {
        Map<String, Object> v = common(f, r.severity());
        v.put("time", time(r.resolvedAt()));
        v.put("duration", DurationText.of(Duration.ofSeconds(r.durationSeconds())));
        v.put("rootCause", orUnknown(r.rootCause()));
        v.put("resolution", orUnknown(r.resolution()));
        v.put("followUp", r.severity() == Severity.P1 ? "Y" : "N");
        return v;
    }

    public Map<String, Object> escalation(IncidentFacts f, IncidentEscalated e, String role, Instant respondBy) {
        Map<String, Object> v = common(f, e.severity());
        v.put("marker", switch (e.action()) {
            case PAGE -> "🚨";
            case NOTIFY -> "🔔";
            case REQUEST_TICKET -> "🎫";
        });
        v.put("headline", e.action() == EscalationAction.PAGE ? "PAGE" : e.action() == EscalationAction.NOTIFY ? "NOTICE" : "TICKET REQUEST");
        v.put("time", time(e.escalatedAt()));
        v.put("impact", impact(f));
        v.put("role", role);
        v.put("step", e.step());
        v.put("minutes", e.minutesAfterOpened());
        v.put("reason", e.reason() == null ? "escalation ladder " + orUnknown(e.policyRule()) : e.reason());
        v.put("respondBy", respondBy == null ? "no deadline" : time(respondBy));
        v.put("incidentId", f.incidentId());
        return v;
    }

    public Map<String, Object> test(Instant at, String recipient, String channel) {
        Map<String, Object> v = new HashMap<>();
        v.put("time", time(at));
        v.put("recipient", recipient);
        v.put("channel", channel);
        return v;
    }

    private static Map<String, Object> common(IncidentFacts f, Severity severity) {
        Map<String, Object> v = new HashMap<>();
        v.put("system", f.service() == null ? "incident " + f.incidentId() : f.service());
        v.put("severity", severity == null ? "P?" : severity.name());
        return v;
    }

    private static String impact(IncidentFacts f) {
        if (f.title() == null) {
            return UNKNOWN;
        }
        return f.scope() == null ? f.title() : f.title() + " (" + f.scope() + ")";
    }

    private String findings(IncidentFacts f) {
        StringBuilder s = new StringBuilder(f.severityReasons().isEmpty() ? impact(f) : String.join(", ", f.severityReasons()));
        if (f.acknowledgedBy() != null) {
            s.append("; acknowledged by ").append(f.acknowledgedBy()).append(" at ").append(time(f.acknowledgedAt()));
        }
        if (f.lastStep() != null && f.lastStep() > 0) {
            if (!f.lastEscalatedRoles().isEmpty()) {
                s.append("; escalated to ").append(String.join(" + ", f.lastEscalatedRoles())).append(" (step ").append(f.lastStep()).append(')');
            } else {
                // a step without people (P3's request-ticket): say what the step did, not whom it named
                s.append("; step ").append(f.lastStep());
                if (f.lastAction() != null) {
                    s.append(": ").append(actionName(f.lastAction()));
                }
            }
        }
        return s.toString();
    }

    /** The ladder's own word for an action, as the policy writes it. */
    private static String actionName(EscalationAction action) {
        return switch (action) {
            case PAGE -> "page";
            case NOTIFY -> "notify";
            case REQUEST_TICKET -> "request-ticket";
        };
    }

    private static String orUnknown(String s) {
        return s == null || s.isBlank() ? UNKNOWN : s;
    }
}
