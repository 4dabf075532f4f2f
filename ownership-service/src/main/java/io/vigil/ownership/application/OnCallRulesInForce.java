package io.vigil.ownership.application;

import io.vigil.ownership.domain.OnCallRules;
import io.vigil.ownership.domain.RotationCalendar;
import io.vigil.policy.OnCallPolicy;
import io.vigil.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;

/** The on-call section of the policy document in force, in the shape the schedule applies it. */
@ApplicationScoped
public class OnCallRulesInForce {
    private final OnCallRules rules;

    public OnCallRulesInForce(Policy policy) {
        OnCallPolicy.Rotation rotation = policy.oncall().rotation();
        this.rules = new OnCallRules(
                new RotationCalendar(rotation.length(), rotation.handoverDay(), rotation.handoverTime(), rotation.zone()),
                policy.rule(rotation), policy.rule(policy.oncall().noGaps()));
    }

    public OnCallRules rules() {
        return rules;
    }
}
