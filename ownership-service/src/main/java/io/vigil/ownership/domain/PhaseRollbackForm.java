package io.vigil.ownership.domain;

import io.vigil.events.ownership.ClientCommunication;

import java.time.LocalDate;

/**
 * A phase rollback as asked for, with the fields of the sign-off form of seed 001 §6.4 that the requester fills in;
 * from, authorized-by and approved-by are filled in by the programme.
 *
 * @param type                  a rollback type of the policy: emergency, p1-incident, planned, client-request
 * @param investigationAssignee may be null: not yet assigned
 * @param reRampTarget          may be null: not yet known
 */
public record PhaseRollbackForm(
        String toPhase,
        String type,
        String reasonCategory,
        String reason,
        String investigationAssignee,
        LocalDate reRampTarget,
        ClientCommunication clientCommunication) {
}
