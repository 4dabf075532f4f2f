package io.vigil.events.killswitch;

import io.vigil.events.EventType;

import java.time.Instant;
import java.util.List;

/**
 * A kill switch was lifted by someone with resume authority, after the verification it requires (seed 001
 * §5.3), or ended by itself when a pause of fixed length ran out ({@code reason} {@code "expired"}). Subject:
 * {@code switchId}.
 *
 * @param switchId the subject
 * @param by username of who resumed
 * @param authorizedBy everyone whose authority the resume needed (optional)
 * @param reason why it ended without a person: {@code "expired"}; null when resumed by hand (optional)
 * @param policyRule id of the policy rule that decided this (DESIGN §3)
 * @param policyVersion version of the policy document that held the rule
 */
public record KillSwitchResumed(
        String switchId,
        String by,
        List<Approval> authorizedBy,
        Verification verification,
        Instant resumedAt,
        String reason,
        String policyRule,
        String policyVersion) implements KillSwitchEvent {

    /** Lists are immutable; an absent list is empty. */
    public KillSwitchResumed {
        authorizedBy = authorizedBy == null ? List.of() : List.copyOf(authorizedBy);
    }

    @Override
    public EventType eventType() {
        return EventType.KILLSWITCH_RESUMED;
    }
}
