package io.vigil.policy;

import java.util.Objects;

/**
 * What a decision event carries so an auditor can see why (DESIGN §3): the rule that decided and the version of the
 * document that held it, e.g. {@code ladder.P1.step2} of {@code 2026.11.0}.
 */
public record PolicyRule(String ruleId, String policyVersion) {
    public PolicyRule {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(policyVersion, "policyVersion");
    }

    @Override
    public String toString() {
        return ruleId + "@" + policyVersion;
    }
}
