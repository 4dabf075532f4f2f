package io.vigil.ownership.application;

import java.time.Instant;
import java.util.Optional;

/**
 * Who is registered and who is on call, as this service's own roster (its people and on-call projections)
 * knows them. The deploy window asks it whether an owner or handoff target is a registered person and who is
 * the on-call primary to notify when a check is missed.
 */
public interface Roster {
    boolean isRegistered(String username);

    /** The primary and secondary covering {@code instant}, and the interval that assignment holds; empty only before any rotation exists. */
    Optional<OnCall> onCallAt(Instant instant);

    /** One interval of the schedule: who covers it, from when until when. */
    record OnCall(String primary, String secondary, Instant from, Instant until) {
    }
}
