package io.vigil.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.List;

/** The JSON members of an RFC 9457 problem, plus Vigil's {@code rule} and {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemBody(URI type, String title, int status, String detail, String instance, String rule,
                          List<Problem.FieldError> errors) {
}
