package io.vigil.policy;

/** A rule that is nothing but its id: what it decides is written where it is used (e.g. {@code oncall.no-gap}). */
public record NamedRule(String ruleId) implements Rule {
}
