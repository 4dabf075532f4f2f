package io.vigil.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One severity's ladder: steps at times after {@code incident.opened}, in ascending order, fired while the incident
 * is not resolved; step {@code i} is rule {@code ladder.<severity>.step<i>}.
 *
 * @param unacknowledged a step fired at once when the incident is still unacknowledged {@code after} its opening,
 *                       unless a step with the same targets has fired already; null when the ladder has none
 */
public record Ladder(List<Step> steps, Step unacknowledged) {

    public Ladder {
        steps = List.copyOf(steps);
    }

    public Optional<Step> unacknowledgedStep() {
        return Optional.ofNullable(unacknowledged);
    }

    /** The steps due at or before {@code sinceOpened}. */
    public List<Step> dueBy(Duration sinceOpened) {
        return steps.stream().filter(s -> s.after().compareTo(sinceOpened) <= 0).toList();
    }

    public record Step(String ruleId, Duration after, Action action, List<Role> targets) implements Rule {
        public Step {
            targets = List.copyOf(targets);
        }
    }

    /** As {@code io.vigil.events.incidents.EscalationAction}. */
    public enum Action {
        @JsonProperty("page") PAGE,
        @JsonProperty("notify") NOTIFY,
        @JsonProperty("request-ticket") REQUEST_TICKET
    }
}
