package io.vigil.escalation.rest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vigil.platform.problem.Problem;
import io.vigil.platform.problem.ProblemBody;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A body Jackson cannot map (a severity of {@code "P9"}, a number as text) is a 400 problem naming the field, like
 * any other invalid request; without this, Quarkus answers such bodies with plain JSON.
 */
public class JsonBodyProblems {
    @ServerExceptionMapper
    public Response unreadable(MismatchedInputException e, UriInfo uri) {
        String field = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .filter(java.util.Objects::nonNull).collect(Collectors.joining("."));
        String name = field.isEmpty() ? "body" : field;
        String message = "cannot be read: " + e.getOriginalMessage().lines().findFirst().orElse("invalid value");
        Problem p = Problem.badRequest(name, message);
        return Response.status(400).type("application/problem+json")
                .entity(new ProblemBody(p.type(), p.title(), 400, p.getMessage(), uri.getPath(), null,
                        List.of(new Problem.FieldError(name, message)))).build();
    }
}
