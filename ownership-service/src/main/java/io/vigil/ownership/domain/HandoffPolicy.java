package io.vigil.ownership.domain;

import io.vigil.platform.domain.RuleViolation;
import io.vigil.policy.OwnershipPolicy;
import io.vigil.policy.Role;

/**
 * Seed 000 §1, handoff: the owner (or the ingestion owner) hands the window to another registered person, with a
 * reason, in one step from → to; never to the current owner, never after release.
 */
public final class HandoffPolicy {
    private HandoffPolicy() {
    }

    public static void check(HandOff request, String owner, boolean released, OwnershipPolicy.Handoff rule) {
        String id = rule.ruleId();
        boolean isOwner = request.by().equals(owner);
        boolean mayAct = (isOwner && rule.by().contains(Role.DEPLOY_OWNER))
                || (request.byIngestionOwner() && rule.by().contains(Role.INGESTION_OWNER));
        if (!mayAct) {
            throw RuleViolation.forbidden(id, "only the window's owner (" + owner + ") or an ingestion owner may hand it off");
        }
        if (released) {
            throw new RuleViolation(id, "the window was signed off and released; there is nothing left to hand off");
        }
        if (rule.reasonRequired() && (request.reason() == null || request.reason().isBlank())) {
            throw new RuleViolation(id, "a handoff needs a reason: say why " + request.to() + " takes over");
        }
        if (request.to().equals(owner)) {
            throw new RuleViolation(id, request.to() + " already owns this window; name someone else");
        }
        if (!request.toRegistered()) {
            throw new RuleViolation(id, request.to() + " is not a registered person; register them with PUT /people/" + request.to() + " first");
        }
    }
}
