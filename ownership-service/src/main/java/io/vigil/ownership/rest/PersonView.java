package io.vigil.ownership.rest;

import io.vigil.ownership.persistence.PersonEntity;

import java.time.Instant;
import java.util.List;

/** A person as {@code GET /people} shows them. */
public record PersonView(String username, String name, String email, String slack, String webhookUrl, String timeZone,
                         List<String> roles, Instant registeredAt, Instant updatedAt) {
    static PersonView of(PersonEntity p) {
        return new PersonView(p.username, p.name, p.email, p.slack, p.webhookUrl, p.timeZone, List.of(p.roles),
                p.registeredAt, p.updatedAt);
    }
}
