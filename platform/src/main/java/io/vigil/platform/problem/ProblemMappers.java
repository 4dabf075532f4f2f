package io.vigil.platform.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vigil.platform.domain.RuleViolation;
import io.vigil.platform.eventstore.ConcurrencyConflict;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Maps every error that leaves a resource to application/problem+json. */
public class ProblemMappers {
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(Problem p, UriInfo uri) {
        return render(p, uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse("invalid");
        return render(new Problem(400, "Invalid request", detail, null, errors), uri);
    }

    /** The last path node is the JSON field name: {@code register.request.service} → {@code service}. */
    private static String field(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        String[] nodes = path.split("\\.");
        return nodes.length > 2 ? String.join(".", Arrays.copyOfRange(nodes, 2, nodes.length)) : nodes[nodes.length - 1];
    }

    /** A body that cannot be mapped (an unknown enum value, text for a number) names the field like any invalid request. */
    @ServerExceptionMapper
    public Response unreadable(MismatchedInputException e, UriInfo uri) {
        String path = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .filter(Objects::nonNull).collect(Collectors.joining("."));
        String field = path.isEmpty() ? "body" : path;
        String message = "cannot be read: " + e.getOriginalMessage().lines().findFirst().orElse("invalid value");
        return render(Problem.badRequest(field, message), uri);
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolation e, UriInfo uri) {
        return e.forbidden()
                ? render(new Problem(403, "Forbidden", e.getMessage(), e.rule(), null), uri)
                : render(new Problem(409, "Refused by rule " + e.rule(), e.getMessage(), e.rule(), null), uri);
    }

    @ServerExceptionMapper
    public Response conflict(ConcurrencyConflict e, UriInfo uri) {
        return render(new Problem(409, "Conflict", e.getMessage() + "; reload and retry", "optimistic-concurrency", null), uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return render(new Problem(401, "Unauthenticated", "a valid bearer token is required", null, null), uri);
    }

    /** A role check refused the call: the detail names the roles the endpoint takes ({@code @RolesAllowed}). */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ResourceInfo resource) {
        return render(new Problem(403, "Forbidden", rolesNeeded(resource), "role-required", null), uri);
    }

    static String rolesNeeded(ResourceInfo resource) {
        RolesAllowed allowed = resource == null ? null
                : resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(RolesAllowed.class)
                ? resource.getResourceMethod().getAnnotation(RolesAllowed.class)
                : resource.getResourceClass() != null ? resource.getResourceClass().getAnnotation(RolesAllowed.class) : null;
        if (allowed == null || allowed.value().length == 0) {
            return "your roles do not allow this request";
        }
        String[] roles = allowed.value();
        return roles.length == 1 ? "this request needs the role " + roles[0]
                : "this request needs one of the roles " + String.join(", ", roles);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) != null ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = status == 404 ? "nothing at " + uri.getPath() : e.getMessage();
        return render(new Problem(status, title, detail, null, null), uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "unexpected error on %s", uri.getPath());
        return render(new Problem(500, "Internal error", "the request failed unexpectedly; see the service log", null, null), uri);
    }

    static Response render(Problem p, UriInfo uri) {
        ProblemBody body = new ProblemBody(p.type(), p.title(), p.status(), p.getMessage(), uri.getPath(), p.rule(), p.errors());
        return Response.status(p.status()).type(PROBLEM_JSON).entity(body).build();
    }
}
