package io.vigil.notification.domain;

import io.vigil.events.EventType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seed 001 §7.1 as data: which event becomes which message, for whom. Incident start, update and resolved go to
 * the channel #ingestion-rollout, whose readers are the stakeholders of the policy document; an escalation goes
 * to the targets the ladder step names. Events not listed here notify nobody.
 */
public final class CommunicationMatrix {
    /** One line of the matrix. */
    public record Entry(EventType type, MessageTemplate template, Audience audience) {
    }

    public static final List<Entry> INCIDENTS = List.of(
            new Entry(EventType.INCIDENT_OPENED, MessageTemplate.INCIDENT_START, Audience.STAKEHOLDERS),
            new Entry(EventType.INCIDENT_UPDATE_DUE, MessageTemplate.INCIDENT_UPDATE, Audience.STAKEHOLDERS),
            new Entry(EventType.INCIDENT_RESOLVED, MessageTemplate.INCIDENT_RESOLVED, Audience.STAKEHOLDERS),
            new Entry(EventType.INCIDENT_ESCALATED, MessageTemplate.ESCALATION_PAGE, Audience.TARGETS));

    private final Map<EventType, Entry> byType;

    public CommunicationMatrix(List<Entry> entries) {
        this.byType = entries.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Entry::type, e -> e));
    }

    public static CommunicationMatrix seed001() {
        return new CommunicationMatrix(INCIDENTS);
    }

    public Optional<Entry> forType(EventType type) {
        return Optional.ofNullable(byType.get(type));
    }
}
