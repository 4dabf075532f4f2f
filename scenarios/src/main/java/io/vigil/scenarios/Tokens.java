package io.vigil.scenarios;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Real tokens from the running Keycloak's vigil realm: dev users (password grant) and service accounts (client credentials). */
public final class Tokens {
    public static final String DEV_PASSWORD = "vigil-dev";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private record Held(String token, Instant renewAt) {
    }

    private final URI realm;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    public Tokens(URI realm) {
        this.realm = realm;
    }

    /** A dev user's token (client vigil-cli, password vigil-dev). */
    public String of(String username) {
        return token("user:" + username, Map.of("grant_type", "password", "client_id", "vigil-cli",
                "username", username, "password", DEV_PASSWORD));
    }

    /** A service account's token, e.g. the CI system: ci-publisher / ci-publisher-secret (role event-publisher). */
    public String ofClient(String clientId, String secret) {
        return token("client:" + clientId, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    private String token(String key, Map<String, String> form) {
        Held current = held.get(key);
        if (current == null || Instant.now().isAfter(current.renewAt())) {
            current = request(form);
            held.put(key, current);
        }
        return current.token();
    }

    private Held request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(realm + "/protocol/openid-connect/token");
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): " + response.body());
            }
            JsonNode json = Http.JSON.readTree(response.body());
            // renewed well before it expires: a scenario's calls never carry a token about to lapse
            long lifetime = Math.max(10, json.path("expires_in").asLong(60) / 2);
            return new Held(json.path("access_token").asText(), Instant.now().plus(Duration.ofSeconds(lifetime)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak is not answering at " + uri + " (make up): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
