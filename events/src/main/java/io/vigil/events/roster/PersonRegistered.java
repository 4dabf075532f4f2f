package io.vigil.events.roster;

import io.vigil.events.EventType;

import java.time.Instant;

/**
 * A person was registered, or their contact details changed (the latest event wins). Their roles travel as
 * {@code vigil.role.granted.v1} / {@code vigil.role.revoked.v1}. Subject: {@code username}.
 *
 * @param username the person; the subject
 * @param name display name
 * @param email e-mail address (any domain, also the dev realm's vigil.local)
 * @param slack Slack member id or handle (optional)
 * @param webhookUrl where webhook notifications for this person go (optional)
 * @param timeZone IANA zone id, e.g. Europe/Berlin
 */
public record PersonRegistered(
        String username,
        String name,
        String email,
        String slack,
        String webhookUrl,
        String timeZone,
        Instant registeredAt) implements RosterEvent {

    @Override
    public EventType eventType() {
        return EventType.PERSON_REGISTERED;
    }
}
