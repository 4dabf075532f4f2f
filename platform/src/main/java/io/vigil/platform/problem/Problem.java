package io.vigil.platform.problem;

import java.net.URI;
import java.util.List;

/**
 * An error a caller can act on, rendered as application/problem+json (RFC 9457).
 * {@code rule} names the policy rule that refused a request; {@code errors} names the fields at fault.
 */
public class Problem extends RuntimeException {
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final String rule;
    private final List<FieldError> errors;

    public Problem(int status, String title, String detail, String rule, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.rule = rule;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem badRequest(String field, String message) {
        return new Problem(400, "Invalid request", field + ": " + message, null, List.of(new FieldError(field, message)));
    }

    public static Problem notFound(String what, String id) {
        return new Problem(404, "Not found", "no " + what + " with id '" + id + "'", null, null);
    }

    public static Problem conflict(String rule, String detail) {
        return new Problem(409, "Conflict", detail, rule, null);
    }

    public static Problem forbidden(String rule, String detail) {
        return new Problem(403, "Forbidden", detail, rule, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String rule() {
        return rule;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public URI type() {
        return URI.create("https://vigil.io/problems/" + (rule != null ? rule : switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 409 -> "conflict";
            default -> "error";
        }));
    }
}
