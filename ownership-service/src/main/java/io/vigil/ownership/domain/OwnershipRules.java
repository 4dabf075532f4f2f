package io.vigil.ownership.domain;

import io.vigil.policy.PolicyRule;

import java.time.Duration;

/**
 * The rules of the policy document's ownership section that the deploy aggregate applies (seed 000):
 * how long the stabilization window is, and the default-owner rule (who merged the PR, unless named).
 */
public record OwnershipRules(Duration windowLength, PolicyRule defaultOwner) {
}
