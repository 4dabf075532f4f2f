package io.vigil.escalation.domain;

import io.vigil.platform.domain.RuleViolation;
import io.vigil.policy.Role;

import java.util.Set;

/**
 * Who may acknowledge, resolve, escalate or re-classify an incident (DESIGN §8): the person on call (primary or
 * secondary at that instant, read from the roster), the ingestion owner, the SRE lead.
 */
public final class IncidentResponders {
    public static final String RULE = "incident.responders";

    private IncidentResponders() {
    }

    /** @throws RuleViolation (403) when {@code username} is none of them */
    public static void mustBeOne(String username, Set<String> realmRoles, Duty duty) {
        boolean onCall = duty.holders(Role.ON_CALL_PRIMARY).contains(username) || duty.holders(Role.ON_CALL_SECONDARY).contains(username);
        if (onCall || realmRoles.contains(Role.INGESTION_OWNER.id()) || realmRoles.contains(Role.SRE_LEAD.id())) {
            return;
        }
        throw RuleViolation.forbidden(RULE, username + " may not act on incidents: only the on-call primary or secondary "
                + "at this instant, the ingestion owner or the SRE lead may");
    }
}
