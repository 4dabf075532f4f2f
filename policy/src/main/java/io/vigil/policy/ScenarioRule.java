package io.vigil.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.util.List;

/**
 * Why a kill switch is pulled (seed 001 §5.1) and what that adds to the action's rule: who may activate, approvals
 * with their timing and notifications with their deadlines. With {@code activateFirst} the switch is active at once
 * and every approval is collected afterwards.
 *
 * @param scenario {@code data-corruption}, {@code error-rate-above-20}, {@code error-rate-above-10},
 *                 {@code planned-maintenance} or {@code client-request}
 */
public record ScenarioRule(
        String ruleId,
        String scenario,
        List<Role> activate,
        boolean activateFirst,
        List<Approval> approvals,
        @JsonProperty("notify") List<Notification> notifications) implements Rule {

    public ScenarioRule {
        activate = List.copyOf(activate);
        approvals = List.copyOf(approvals);
        notifications = List.copyOf(notifications);
    }

    /**
     * @param within after-activation: the approval is due this long after activation (collected while active)
     * @param ahead  in-advance: the approval is due this long before the planned start
     */
    public record Approval(Role role, ApprovalTiming timing, Duration within, Duration ahead) {
    }

    public enum ApprovalTiming {
        /** Before the switch is activated; it waits (202) until given. */
        @JsonProperty("before-activation") BEFORE_ACTIVATION,
        /** Within {@code within} after activation. */
        @JsonProperty("after-activation") AFTER_ACTIVATION,
        /** At least {@code ahead} before the planned start. */
        @JsonProperty("in-advance") IN_ADVANCE
    }

    /**
     * @param role   a role or {@link Role#ALL_STAKEHOLDERS}
     * @param within at-activation: deadline after activation ({@code PT0S}: immediately)
     * @param ahead  in-advance: how long before the planned start
     */
    public record Notification(Role role, NotificationTiming timing, Duration within, Duration ahead) {
    }

    public enum NotificationTiming {
        @JsonProperty("at-activation") AT_ACTIVATION,
        @JsonProperty("in-advance") IN_ADVANCE
    }
}
