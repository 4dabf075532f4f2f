package io.vigil.notification.application;

import io.vigil.events.Target;
import io.vigil.events.incidents.IncidentEscalated;
import io.vigil.events.incidents.IncidentEvent;
import io.vigil.events.incidents.IncidentOpened;
import io.vigil.events.incidents.IncidentResolved;
import io.vigil.events.incidents.IncidentUpdateDue;
import io.vigil.notification.domain.Addressee;
import io.vigil.notification.domain.IncidentFacts;
import io.vigil.notification.domain.MessageTemplate;
import io.vigil.notification.templates.MessageTemplates;
import io.vigil.notification.templates.MessageValues;
import io.vigil.notification.templates.RenderedMessage;
import io.vigil.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** Renders the message of an incident event for one addressee, in their time zone. */
@ApplicationScoped
public class IncidentMessages {
    private final MessageTemplates templates = new MessageTemplates();
    private final Directory directory;
    private final Policy policy;

    public IncidentMessages(Directory directory, Policy policy) {
        this.directory = directory;
        this.policy = policy;
    }

    /** The instant the event speaks of: roles are resolved and times written at it. */
    public static Instant instantOf(IncidentEvent event, Instant fallback) {
        Instant at = switch (event) {
            case IncidentOpened o -> o.openedAt();
            case IncidentUpdateDue u -> u.dueAt();
            case IncidentEscalated e -> e.escalatedAt();
            case IncidentResolved r -> r.resolvedAt();
            default -> null;
        };
        return at == null ? fallback : at;
    }

    public RenderedMessage render(MessageTemplate template, IncidentEvent event, IncidentFacts facts, Addressee to, Instant at) {
        String onCall = directory.onCallPrimary(at).orElse(null);
        MessageValues values = new MessageValues(to.contact().zone(), onCall, policy.incidentUpdates().every());
        Map<String, Object> data = switch (event) {
            case IncidentOpened o -> values.start(facts, at);
            case IncidentUpdateDue u -> values.update(facts, u);
            case IncidentResolved r -> values.resolved(facts, r);
            case IncidentEscalated e -> values.escalation(facts, e, to.role(), respondBy(e, to));
            default -> throw new IllegalArgumentException("no message for " + event.eventType());
        };
        return templates.render(template, data);
    }

    private static Instant respondBy(IncidentEscalated e, Addressee to) {
        return e.targets().stream()
                .filter(t -> to.username().equals(t.person()) || (t.person() == null && t.role() != null
                        && to.role().equals(io.vigil.notification.domain.RoleNames.of(t.role()))))
                .map(Target::dueAt).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
