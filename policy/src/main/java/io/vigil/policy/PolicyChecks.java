package io.vigil.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the schema cannot express: rule ids unique, time lines in order (cadence, checkpoints, ladders) and tables
 * complete (every kill-switch action, scenario and resume kind once; rollout stages up to 100 %; gates along the
 * phase order). Each problem names the field at fault by its JSON pointer.
 */
final class PolicyChecks {
    private final List<String> problems = new ArrayList<>();

    static List<String> check(Policy policy, JsonNode tree) {
        PolicyChecks checks = new PolicyChecks();
        checks.uniqueRuleIds(tree);
        TimelineChecks.check(policy, checks);
        TableChecks.check(policy, checks);
        return List.copyOf(checks.problems);
    }

    void fail(String pointer, String message) {
        problems.add(pointer + ": " + message);
    }

    private void uniqueRuleIds(JsonNode tree) {
        Map<String, String> firstAt = new HashMap<>();
        for (RuleIds.Occurrence occurrence : RuleIds.occurrences(tree)) {
            String earlier = firstAt.putIfAbsent(occurrence.id(), occurrence.pointer());
            if (earlier != null) {
                fail(occurrence.pointer(), "rule id '" + occurrence.id() + "' is already used at " + earlier
                        + "; rule ids must be unique");
            }
        }
    }

    /** Each of {@code expected} must appear exactly once in {@code actual} (pointers {@code base/i/field}). */
    void exactlyOnce(String base, String field, List<String> actual, List<String> expected) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < actual.size(); i++) {
            Integer earlier = seen.putIfAbsent(actual.get(i), i);
            if (earlier != null) {
                fail(base + "/" + i + "/" + field, "'" + actual.get(i) + "' appears already at " + base + "/" + earlier);
            }
        }
        for (String value : expected) {
            if (!seen.containsKey(value)) {
                fail(base, "has no entry for '" + value + "'");
            }
        }
    }
}
