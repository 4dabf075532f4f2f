package io.vigil.policy;

import java.util.List;

/**
 * A policy document that cannot be used: unreadable, not valid against the schema, or inconsistent. The message names
 * the source (the built-in default or the file's path) and, per problem, the JSON pointer of the field at fault, e.g.
 * {@code /ladder/P1/steps/1/after: must match pattern ...}, so a bad file stops a service with a message a person can act on.
 */
public class InvalidPolicy extends RuntimeException {
    private final String source;
    private final List<String> problems;

    public InvalidPolicy(String source, List<String> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public InvalidPolicy(String source, String problem, Throwable cause) {
        super(message(source, List.of(problem)), cause);
        this.source = source;
        this.problems = List.of(problem);
    }

    /** {@code classpath:policy/policy.yaml} or the file's path. */
    public String source() {
        return source;
    }

    /** One line per field at fault: {@code <json pointer>: <what is wrong>}. */
    public List<String> problems() {
        return problems;
    }

    private static String message(String source, List<String> problems) {
        return "invalid policy document " + source + ":\n  " + String.join("\n  ", problems);
    }
}
