package io.vigil.events.killswitch;

import io.vigil.events.EventType;

import java.time.Instant;

/**
 * A kill-switch request was refused by a policy rule (e.g. the requester may not execute that action). Subject:
 * {@code switchId}.
 *
 * @param switchId the subject
 * @param rejectionReason why the rule refused, for people
 * @param policyRule id of the policy rule that decided this (DESIGN §3)
 * @param policyVersion version of the policy document that held the rule
 */
public record KillSwitchRejected(
        String switchId,
        KillSwitchAction action,
        String scope,
        KillSwitchScenario scenario,
        String requestedBy,
        String rejectionReason,
        Instant rejectedAt,
        String policyRule,
        String policyVersion) implements KillSwitchEvent {

    @Override
    public EventType eventType() {
        return EventType.KILLSWITCH_REJECTED;
    }
}
