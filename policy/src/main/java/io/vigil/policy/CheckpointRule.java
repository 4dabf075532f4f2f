package io.vigil.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.util.List;

/**
 * A checkpoint of the window (seed 000 checklist): due {@code at} after the deploy's start, missed when its
 * checklist is not complete {@code grace} later.
 *
 * @param checkpoint {@code T0}, {@code T4}, {@code T24} or {@code T48}
 */
public record CheckpointRule(String checkpoint, String ruleId, Duration at, Duration grace, List<Item> items)
        implements Rule {

    public CheckpointRule {
        items = List.copyOf(items);
    }

    /** The items the owner answers: those no event or command answers. */
    public List<Item> answeredByOwner() {
        return items.stream().filter(i -> i.answeredBy() == null).toList();
    }

    /**
     * One checklist item.
     *
     * @param item       stable key, e.g. {@code dead-letter-count}; the API and events name items by it
     * @param text       the seed's wording
     * @param answeredBy what fills it in instead of the owner ({@code deploy-completed}, {@code deploy-health-check},
     *                   {@code no-p1-incident-in-window}, {@code sign-off}); null when the owner answers it
     */
    public record Item(String item, String text, Kind kind, String answeredBy) {
    }

    public enum Kind {
        /** Ticked or not. */
        @JsonProperty("confirm") CONFIRM,
        /** Asks for a number (e.g. the dead-letter count). */
        @JsonProperty("count") COUNT
    }
}
