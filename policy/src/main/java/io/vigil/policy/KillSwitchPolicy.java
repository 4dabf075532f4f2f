package io.vigil.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.util.List;

/**
 * The kill switch (seed 001 §2.2, §5): who may execute, approve and must be told per action, what each scenario
 * adds, who may resume what (§5.3) and what the activation log needs (§5.2).
 *
 * @param shortPauseBelow a pause planned shorter than this is {@code pause-short}; one this long or longer, or
 *                        without a planned length, is {@code pause-long}
 */
public record KillSwitchPolicy(
        Duration shortPauseBelow,
        List<ActionRule> actions,
        List<ScenarioRule> scenarios,
        List<ResumeRule> resume,
        ActivationLog activationLog) {

    public KillSwitchPolicy {
        actions = List.copyOf(actions);
        scenarios = List.copyOf(scenarios);
        resume = List.copyOf(resume);
    }

    /** {@code pause-short} or {@code pause-long} for a pause planned to last {@code planned} (null: open-ended). */
    public String pauseKind(Duration planned) {
        return planned != null && planned.compareTo(shortPauseBelow) < 0 ? "pause-short" : "pause-long";
    }

    /** The rule of {@code pause-short}, {@code pause-long}, {@code resume}, {@code rollback} or {@code global-disable}. */
    public ActionRule action(String action) {
        return actions.stream().filter(a -> a.action().equals(action)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kill-switch action " + action + " in the policy"));
    }

    public ScenarioRule scenario(String scenario) {
        return scenarios.stream().filter(s -> s.scenario().equals(scenario)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kill-switch scenario " + scenario + " in the policy"));
    }

    /**
     * Who may resume a switch of this kind: {@code pause-short}, {@code pause-long}, {@code rollback},
     * {@code global-disable}, or {@code data-integrity-event} (any switch of scenario data-corruption).
     */
    public ResumeRule resumeOf(String kind) {
        return resume.stream().filter(r -> r.resumes().contains(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no resume rule for " + kind + " in the policy"));
    }

    /** Seed 001 §2.2: one of {@code execute} may do it; every role of {@code approve} must approve. */
    public record ActionRule(
            String ruleId,
            String action,
            List<Role> execute,
            List<Role> approve,
            @JsonProperty("notify") List<Role> notifyRoles) implements Rule {
        public ActionRule {
            execute = List.copyOf(execute);
            approve = List.copyOf(approve);
            notifyRoles = List.copyOf(notifyRoles);
        }
    }

    /**
     * Seed 001 §5.3: every role of {@code by} must sign the resume, with each {@code verification} (named as in the
     * resume request: {@code testUploadPassed}, {@code metricsChecked}, {@code revalidationPassed},
     * {@code investigationComplete}) true.
     */
    public record ResumeRule(String ruleId, List<String> resumes, List<Role> by, List<String> verification)
            implements Rule {
        public ResumeRule {
            resumes = List.copyOf(resumes);
            by = List.copyOf(by);
            verification = List.copyOf(verification);
        }
    }

    /** Seed 001 §5.2: an activation is incomplete until each field is present (approval only if one was required). */
    public record ActivationLog(String ruleId, List<LogField> fields) implements Rule {
        public ActivationLog {
            fields = List.copyOf(fields);
        }
    }

    /** {@code field}: timestamp, activatedBy, reason, severity, scope, approval, notificationSentTo. */
    public record LogField(String field, Required required) {
    }

    public enum Required {
        @JsonProperty("always") ALWAYS,
        @JsonProperty("if-approval-required") IF_APPROVAL_REQUIRED
    }
}
