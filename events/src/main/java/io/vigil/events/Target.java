package io.vigil.events;

import java.time.Instant;

/**
 * Someone to page, notify or escalate to: the role they are reached in and, when the producer
 * resolved it, the person holding that role at that instant.
 *
 * @param role   the capacity they are reached in
 * @param person username of the person holding the role; null when nobody holds it or it is resolved later
 * @param dueAt  when they must have been reached (notifications) or must respond (pages); null when no deadline applies
 */
public record Target(DutyRole role, String person, Instant dueAt) {
}
