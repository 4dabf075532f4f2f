package io.vigil.ownership.domain;

import io.vigil.policy.PolicyRule;

/**
 * The policy's on-call section as the schedule applies it (seed 001 §3): the handover calendar, the rotation rule
 * (shifts follow it) and the no-gap rule (every accepted change keeps the schedule gap-free).
 */
public record OnCallRules(RotationCalendar calendar, PolicyRule rotation, PolicyRule noGap) {
}
