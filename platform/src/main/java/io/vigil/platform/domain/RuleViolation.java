package io.vigil.platform.domain;

/**
 * A command refused by a rule of the domain. Plain Java so that domain classes can throw it;
 * over HTTP it becomes 409 problem+json naming the rule (403 when {@link #forbidden()}).
 */
public class RuleViolation extends RuntimeException {
    private final String rule;
    private final boolean forbidden;

    public RuleViolation(String rule, String message) {
        this(rule, message, false);
    }

    protected RuleViolation(String rule, String message, boolean forbidden) {
        super(message);
        this.rule = rule;
        this.forbidden = forbidden;
    }

    /** A refusal because of who asks rather than of the state: 403. */
    public static RuleViolation forbidden(String rule, String message) {
        return new RuleViolation(rule, message, true);
    }

    public String rule() {
        return rule;
    }

    public boolean forbidden() {
        return forbidden;
    }
}
