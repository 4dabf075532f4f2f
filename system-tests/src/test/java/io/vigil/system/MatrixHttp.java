package io.vigil.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP for the matrix: every status is an answer to record, never an exception. */
final class MatrixHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, String contentType, String text) {
        JsonNode json() {
            try {
                return text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        /** The policy rule a refusal names, or null. */
        String rule() {
            JsonNode rule = json().path("rule");
            return rule.isTextual() && !rule.asText().isBlank() ? rule.asText() : null;
        }

        /** A 404 or 405 of the framework: no resource method answers this path (as opposed to an unknown id). */
        boolean noSuchRoute() {
            return status == 405 || (status == 404 && json().path("detail").asText("").startsWith("nothing at"));
        }

        String brief() {
            String t = text.replaceAll("\\s+", " ");
            return status + " " + (t.length() > 160 ? t.substring(0, 160) + "…" : t);
        }
    }

    private MatrixHttp() {
    }

    /** {@code token} null: no Authorization header; {@code body} null: no body. */
    static Answer send(String baseUrl, String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
        } catch (IOException e) {
            return new Answer(-1, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
