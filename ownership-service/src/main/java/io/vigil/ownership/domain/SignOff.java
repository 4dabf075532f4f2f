package io.vigil.ownership.domain;

import io.vigil.platform.domain.RuleViolation;
import io.vigil.policy.OwnershipPolicy;

import java.time.Instant;

/** Seed 000 "T+48 (Handoff)": the owner signs off at or after T+48, with the T+48 checklist done; it releases ownership. */
public final class SignOff {
    private SignOff() {
    }

    public static void check(String by, String owner, Instant now, StabilizationWindow window, WindowLog log,
                             OwnershipPolicy.SignOff rule) {
        if (!by.equals(owner)) {
            throw RuleViolation.forbidden(rule.ruleId(), "only the window's owner (" + owner + ") may sign it off");
        }
        if (log.released()) {
            throw new RuleViolation(rule.ruleId(), "the window was signed off already at " + log.releasedAt());
        }
        Instant notBefore = window.startsAt().plus(rule.notBefore());
        if (now.isBefore(notBefore)) {
            throw new RuleViolation(rule.ruleId(), "sign-off is possible from " + notBefore + " (T+" + rule.notBefore().toHours() + "h) on");
        }
        if (log.checkpointsDone().stream().noneMatch(c -> c.name().equals(rule.requiresCheckpoint()))) {
            throw new RuleViolation(rule.ruleId(), "complete the " + rule.requiresCheckpoint()
                    + " checklist first (POST /deploys/{id}/checkpoints/" + rule.requiresCheckpoint() + ")");
        }
    }
}
