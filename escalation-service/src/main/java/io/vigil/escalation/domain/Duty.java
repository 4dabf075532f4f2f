package io.vigil.escalation.domain;

import io.vigil.policy.Role;

import java.util.List;

/**
 * Who holds a role at one instant, for one incident: the on-call primary and secondary from the roster, the
 * ingestion owner (the open deploy window's owner on the incident's service, else every holder of the realm role),
 * the SRE lead and the PM (every holder). Empty when nobody holds it.
 */
@FunctionalInterface
public interface Duty {
    List<String> holders(Role role);

    /** The one holder of an on-call slot or a window's owner; the first by name of a realm role's holders; null when none. */
    default String holder(Role role) {
        List<String> all = holders(role);
        return all.isEmpty() ? null : all.get(0);
    }
}
