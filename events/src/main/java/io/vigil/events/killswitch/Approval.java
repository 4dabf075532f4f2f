package io.vigil.events.killswitch;

import io.vigil.events.DutyRole;

import java.time.Instant;

/**
 * An approval given to a kill switch.
 *
 * @param by         username of the approver
 * @param role       the role they approved as
 * @param approvedAt when they approved
 */
public record Approval(String by, DutyRole role, Instant approvedAt) {
}
