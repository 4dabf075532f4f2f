package io.vigil.ownership.application;

import io.vigil.ownership.domain.OwnershipRules;
import io.vigil.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;

/** The ownership rules of the policy document in force, in the shape the deploy aggregate applies them. */
@ApplicationScoped
public class RulesInForce {
    private final OwnershipRules ownership;

    public RulesInForce(Policy policy) {
        this.ownership = new OwnershipRules(policy.ownership().window().length(),
                policy.rule(policy.ownership().defaultOwner()));
    }

    public OwnershipRules ownership() {
        return ownership;
    }
}
