package io.vigil.events.ownership;

import io.vigil.events.DutyRole;

import java.time.Instant;

/**
 * One signature on a phase gate or a phase rollback.
 *
 * @param by   username of the approver
 * @param role the role they signed as
 * @param at   when they signed
 */
public record PhaseApproval(String by, DutyRole role, Instant at) {
}
