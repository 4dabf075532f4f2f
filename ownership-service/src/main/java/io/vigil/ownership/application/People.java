package io.vigil.ownership.application;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** What the deploy window asks the roster: is a person registered, who is the on-call primary at an instant. */
@ApplicationScoped
public class People {
    private final Roster roster;

    public People(Roster roster) {
        this.roster = roster;
    }

    public boolean isRegistered(String username) {
        return username != null && roster.isRegistered(username);
    }

    /** The on-call primary at {@code at}; null before any rotation exists. */
    public String onCallPrimaryAt(Instant at) {
        return roster.onCallAt(at).map(Roster.OnCall::primary).orElse(null);
    }
}
