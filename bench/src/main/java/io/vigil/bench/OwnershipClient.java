package io.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** ownership-service over HTTP with real Keycloak tokens of the dev realm (password grant through vigil-cli). */
final class OwnershipClient {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The dev realm's users a deploy may be owned by; the service refuses owners it has not registered. */
    static final List<String> OWNERS = List.of("oncall-1", "oncall-2", "oncall-3", "oncall-4");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String realmUrl;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, Long> validUntil = new ConcurrentHashMap<>();

    OwnershipClient(String baseUrl, String realmUrl) {
        this.baseUrl = baseUrl;
        this.realmUrl = realmUrl;
    }

    /** PUT /people/{username} as admin for each owner, so that deploys naming them are accepted. */
    void registerOwners() throws IOException, InterruptedException {
        for (String username : OWNERS) {
            String body = JSON.writeValueAsString(Map.of("name", username, "email", username + "@vigil.local",
                    "timeZone", "Europe/Berlin", "roles", List.of("engineer")));
            HttpResponse<String> r = send("admin", "PUT", "/people/" + username, body);
            if (r.statusCode() / 100 != 2) {
                throw new IOException("PUT /people/" + username + " answered " + r.statusCode() + ": " + r.body());
            }
        }
    }

    HttpResponse<String> send(String user, String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token(user)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    String token(String user) throws IOException, InterruptedException {
        Long until = validUntil.get(user);
        if (until == null || System.nanoTime() > until) {
            String form = "grant_type=password&client_id=vigil-cli&username=" + q(user) + "&password=" + q("vigil-dev");
            HttpRequest login = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            HttpResponse<String> r = http.send(login, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("Keycloak refused " + user + "'s password grant: " + r.statusCode() + " " + r.body());
            }
            JsonNode body = JSON.readTree(r.body());
            tokens.put(user, body.path("access_token").asText());
            validUntil.put(user, System.nanoTime() + Math.max(10, body.path("expires_in").asLong(60) - 30) * 1_000_000_000L);
        }
        return tokens.get(user);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
