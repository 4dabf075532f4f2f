package io.vigil.events.ownership;

import io.vigil.events.EventType;

import java.time.Instant;

/**
 * Something during the window (a P1 incident on the service, a kill-switch activation or manual intervention, a
 * rollback) requires the owner to file an incident doc within 72 h (seed 000). Subject: {@code deployId}.
 *
 * @param deployId the deploy; the subject
 * @param owner who must file it: the window's owner at the trigger
 * @param triggerRef id of what triggered it: incident id, switch id or event id (optional)
 * @param dueAt triggeredAt + 72 h
 * @param docPath docs/incidents/YYYY-MM-DD-&lt;slug&gt;.md
 * @param policyRule id of the policy rule that decided this (DESIGN §3)
 * @param policyVersion version of the policy document that held the rule
 */
public record PostmortemRequired(
        String deployId,
        String service,
        String owner,
        PostmortemTrigger trigger,
        String triggerRef,
        Instant triggeredAt,
        Instant dueAt,
        String docPath,
        String policyRule,
        String policyVersion) implements OwnershipEvent {

    @Override
    public EventType eventType() {
        return EventType.POSTMORTEM_REQUIRED;
    }
}
