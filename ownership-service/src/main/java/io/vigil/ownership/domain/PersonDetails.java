package io.vigil.ownership.domain;

import java.util.Objects;

/** How to reach a person: what {@code vigil.person.registered.v1} carries besides the username. */
public record PersonDetails(String name, String email, String slack, String webhookUrl, String timeZone) {
    public PersonDetails {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
