package io.vigil.events.killswitch;

import io.vigil.events.DutyRole;
import io.vigil.events.EventType;

import java.time.Instant;
import java.util.List;

/**
 * One of several people whose authority a resume needs (seed 001 §5.3) signed it, with the verification it
 * requires; the switch stays in force until the last one signs, which is {@link KillSwitchResumed}. Subject:
 * {@code switchId}.
 *
 * @param switchId the subject
 * @param by username of who signed
 * @param role the role they signed in
 * @param remainingSigners roles whose signature the resume still needs
 * @param policyRule id of the policy rule that decided this (DESIGN §3)
 * @param policyVersion version of the policy document that held the rule
 */
public record KillSwitchResumeSigned(
        String switchId,
        String by,
        DutyRole role,
        Verification verification,
        Instant signedAt,
        List<DutyRole> remainingSigners,
        String policyRule,
        String policyVersion) implements KillSwitchEvent {

    /** Lists are immutable; an absent list is empty. */
    public KillSwitchResumeSigned {
        remainingSigners = remainingSigners == null ? List.of() : List.copyOf(remainingSigners);
    }

    @Override
    public EventType eventType() {
        return EventType.KILLSWITCH_RESUME_SIGNED;
    }
}
