package io.vigil.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** On-call (seed 001 §3): the weekly rotation, its handover, response targets and the handover checklist. */
public record OnCallPolicy(
        Rotation rotation,
        NamedRule noGaps,
        List<ResponseTarget> responseTargets,
        Handover handover) {

    public OnCallPolicy {
        responseTargets = List.copyOf(responseTargets);
    }

    /** The response target of {@code role}. */
    public ResponseTarget responseTarget(Role role) {
        return responseTargets.stream().filter(t -> t.role() == role).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no response target for " + role.id() + " in the policy"));
    }

    /**
     * A shift lasts {@code length} and is handed over on {@code handoverDay} at {@code handoverTime} in {@code zone}:
     * the handover stays at that local time across daylight-saving changes.
     */
    public record Rotation(
            String ruleId,
            Duration length,
            DayOfWeek handoverDay,
            LocalTime handoverTime,
            ZoneId zone,
            List<Slot> slots) implements Rule {

        public Rotation {
            slots = List.copyOf(slots);
        }
    }

    public enum Slot {
        @JsonProperty("primary") PRIMARY,
        @JsonProperty("secondary") SECONDARY
    }

    /** {@code role} must respond within {@code within}; otherwise it goes to {@code escalatesTo}. */
    public record ResponseTarget(String ruleId, Role role, Duration within, Role escalatesTo) implements Rule {
    }

    /** Seed 001 §3.3: what the outgoing and the incoming on-call do at a handover. */
    public record Handover(List<String> outgoing, List<String> incoming) {
        public Handover {
            outgoing = List.copyOf(outgoing);
            incoming = List.copyOf(incoming);
        }
    }
}
