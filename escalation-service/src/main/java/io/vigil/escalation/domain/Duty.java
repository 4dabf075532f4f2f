package io.vigil.escalation.domain;

import io.vigil.policy.Role;

/**
 * Who holds a role at one instant, for one incident: the on-call primary and secondary from the roster, the
 * ingestion owner (the open deploy window's owner on the incident's service, else the realm role's holder), the
 * SRE lead and the PM. Answers null when nobody holds it.
 */
@FunctionalInterface
public interface Duty {
    String holder(Role role);
}
