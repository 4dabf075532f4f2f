package io.vigil.ownership.domain;

import java.util.List;
import java.util.Map;

/** A checklist answered with items missing, unknown or of the wrong kind: a validation error naming each field. */
public class InvalidAnswers extends IllegalArgumentException {
    private final Map<String, String> fields;

    public InvalidAnswers(Map<String, String> fields) {
        super("checklist answers at fault: " + fields);
        this.fields = Map.copyOf(fields);
    }

    public Map<String, String> fields() {
        return fields;
    }

    public List<String> names() {
        return fields.keySet().stream().sorted().toList();
    }
}
