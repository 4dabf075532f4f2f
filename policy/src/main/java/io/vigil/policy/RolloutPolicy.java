package io.vigil.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Staged rollout (seed 004, DESIGN §3): the stages of each release type with their soak times, and the thresholds
 * that PAUSE or ROLLBACK a stage. ROLLBACK wins over PAUSE ({@code precedence}); when none holds the decision is
 * {@code go}, and the next stage may not start before the current stage's soak time.
 *
 * @param defaultReleaseType the plan of a report that names no release type
 * @param criticalAlert      a critical alert (a P1 incident on the deploy's service) in the window: PAUSE
 */
public record RolloutPolicy(
        String defaultReleaseType,
        Plans plans,
        List<RolloutThreshold> pause,
        List<RolloutThreshold> rollback,
        NamedRule criticalAlert,
        NamedRule go,
        List<Verdict> precedence) {

    public RolloutPolicy {
        pause = List.copyOf(pause);
        rollback = List.copyOf(rollback);
        precedence = List.copyOf(precedence);
    }

    /** The plan of {@code patch}, {@code minor} or {@code major}; the default one for null. */
    public Plan plan(String releaseType) {
        String type = releaseType == null ? defaultReleaseType : releaseType;
        return switch (type) {
            case "patch" -> plans.patch();
            case "minor" -> plans.minor();
            case "major" -> plans.major();
            default -> throw new IllegalArgumentException("no rollout plan for release type " + type);
        };
    }

    public record Plans(Plan patch, Plan minor, Plan major) {
    }

    /**
     * @param direct whether the release may skip the stages (patch: "direct deploy if critical"); null when not
     * @param stages ascending by {@code maxPercent}, the last at 100
     */
    public record Plan(Direct direct, List<Stage> stages) {
        public Plan {
            stages = List.copyOf(stages);
        }

        /** The stage a traffic share belongs to: the first whose {@code maxPercent} is at least {@code percent}. */
        public Stage stageFor(double percent) {
            BigDecimal share = BigDecimal.valueOf(percent);
            return stages.stream().filter(s -> share.compareTo(s.maxPercent()) <= 0).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(percent + " % is beyond the last stage"));
        }
    }

    public record Direct(String ruleId, boolean allowed) implements Rule {
    }

    /** A stage up to {@code maxPercent} of traffic; the next one may start {@code soak} after this one did. */
    public record Stage(String ruleId, String stage, BigDecimal maxPercent, Duration soak) implements Rule {
    }

    /** The verdicts, as {@code io.vigil.events.ownership.RolloutDecision} spells them. */
    public enum Verdict {
        @JsonProperty("GO") GO,
        @JsonProperty("PAUSE") PAUSE,
        @JsonProperty("ROLLBACK") ROLLBACK
    }
}
