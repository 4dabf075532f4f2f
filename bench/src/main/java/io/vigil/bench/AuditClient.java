package io.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * audit-service over HTTP with a real bearer token: Keycloak's password grant for client vigil-cli as user
 * auditor, renewed 30 s before it expires.
 */
final class AuditClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String realmUrl;
    private String token;
    private long tokenValidUntil;

    AuditClient(String baseUrl, String realmUrl) {
        this.baseUrl = baseUrl;
        this.realmUrl = realmUrl;
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** GET, body read whole; throws unless 200. */
    byte[] get(String pathAndQuery, Duration timeout) throws IOException, InterruptedException {
        return send(request(pathAndQuery, timeout));
    }

    /** Sends a request made by {@link #request}: time this, the token is already in it. */
    byte[] send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + request.uri() + " answered " + r.statusCode() + ": "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    JsonNode getJson(String pathAndQuery, Duration timeout) throws IOException, InterruptedException {
        return JSON.readTree(get(pathAndQuery, timeout));
    }

    /** GET, body as a stream for the caller to read and close; throws unless 200. */
    InputStream stream(String pathAndQuery, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = http.send(request(pathAndQuery, timeout), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            try (InputStream body = r.body()) {
                throw new IOException("GET " + pathAndQuery + " answered " + r.statusCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return r.body();
    }

    HttpRequest request(String pathAndQuery, Duration timeout) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(timeout)
                .header("Authorization", "Bearer " + token()).GET().build();
    }

    private String token() throws IOException, InterruptedException {
        if (token == null || System.nanoTime() > tokenValidUntil) {
            String form = "grant_type=password&client_id=vigil-cli&username=auditor&password=" + q("vigil-dev");
            HttpRequest login = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            HttpResponse<String> r = http.send(login, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("Keycloak refused the auditor's password grant: " + r.statusCode() + " " + r.body());
            }
            JsonNode body = JSON.readTree(r.body());
            token = body.path("access_token").asText();
            long lifetime = Math.max(10, body.path("expires_in").asLong(60) - 30);
            tokenValidUntil = System.nanoTime() + lifetime * 1_000_000_000L;
        }
        return token;
    }
}
