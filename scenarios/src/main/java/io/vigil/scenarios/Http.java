package io.vigil.scenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP as a client of Vigil's API sees it: a status, a body, and the problem+json when it refused. */
public final class Http {
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An answer; {@code body} is MissingNode when it held no JSON. */
    public record Answer(String method, URI uri, int status, JsonNode body, String text) {
        public boolean ok() {
            return status / 100 == 2;
        }

        /** The answer's body, or an AssertionError naming the call when it is not the status expected. */
        public JsonNode expect(int expected) {
            if (status != expected) {
                throw new AssertionError(method + " " + uri + ": expected " + expected + ", got " + status + " " + text);
            }
            return body;
        }

        public String text(String field) {
            return body.path(field).asText(null);
        }
    }

    private Http() {
    }

    public static Answer get(URI base, String path, String token) {
        return send("GET", base.resolve(path), token, null);
    }

    public static Answer post(URI base, String path, String token, Object body) {
        return send("POST", base.resolve(path), token, body);
    }

    public static Answer put(URI base, String path, String token, Object body) {
        return send("PUT", base.resolve(path), token, body);
    }

    public static Answer send(String method, URI uri, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body)));
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(method, uri, response.statusCode(), parse(response.body()), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri + " is not answering (is the system up? make up): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
