package io.vigil.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the rule ids of a document: every {@code ruleId} field and every field ending in {@code RuleId}. */
final class RuleIds {

    /** Id → pointer of its first occurrence, in document order. */
    static Map<String, String> of(JsonNode tree) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Occurrence occurrence : occurrences(tree)) {
            ids.putIfAbsent(occurrence.id(), occurrence.pointer());
        }
        return ids;
    }

    /** Every occurrence, duplicates included. */
    static List<Occurrence> occurrences(JsonNode tree) {
        List<Occurrence> found = new ArrayList<>();
        walk(tree, "", found);
        return found;
    }

    record Occurrence(String id, String pointer) {
    }

    private static void walk(JsonNode node, String pointer, List<Occurrence> found) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                String path = pointer + "/" + escape(field.getKey());
                boolean isRuleId = field.getKey().equals("ruleId") || field.getKey().endsWith("RuleId");
                if (isRuleId && field.getValue().isTextual()) {
                    found.add(new Occurrence(field.getValue().asText(), path));
                } else {
                    walk(field.getValue(), path, found);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, found);
            }
        }
    }

    /** RFC 6901: {@code ~} and {@code /} in a name are escaped. */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private RuleIds() {
    }
}
