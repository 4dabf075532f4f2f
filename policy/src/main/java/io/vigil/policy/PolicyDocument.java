package io.vigil.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A loaded, valid policy document: where it came from, the document as written (served at {@code GET /policy}) and
 * its typed records.
 *
 * @param source {@code classpath:policy/policy.yaml} for the built-in default, else the file's path
 */
public record PolicyDocument(String source, JsonNode tree, Policy policy) {

    public PolicyDocument {
        tree = tree.deepCopy();
    }

    public String version() {
        return policy.version();
    }

    /** The document as written; a copy, so no reader can change the effective policy. */
    @Override
    public JsonNode tree() {
        return tree.deepCopy();
    }

    /** Every rule id of the document with the JSON pointer of its field, in document order. */
    public Map<String, String> ruleIds() {
        return RuleIds.of(tree);
    }

    /** The reference to a rule by its id; throws when the document has no such rule. */
    public PolicyRule rule(String ruleId) {
        if (!ruleIds().containsKey(ruleId)) {
            throw new IllegalArgumentException("no rule " + ruleId + " in policy " + version());
        }
        return new PolicyRule(ruleId, version());
    }
}
