package io.vigil.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Real access tokens from the local Keycloak's vigil realm (infra/keycloak). */
public final class Tokens {
    public static final String ISSUER = System.getProperty("vigil.oidc.issuer", "http://127.0.0.1:8180/realms/vigil");
    public static final String DEV_PASSWORD = "vigil-dev";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    /** A token of a dev user (password grant through the public vigil-cli client). */
    public static String of(String username) {
        return CACHE.computeIfAbsent("user:" + username, u -> request(Map.of(
                "grant_type", "password", "client_id", "vigil-cli", "username", username, "password", DEV_PASSWORD)));
    }

    /** A service account token (client-credentials grant), e.g. ci-publisher / ci-publisher-secret. */
    public static String ofClient(String clientId, String secret) {
        return CACHE.computeIfAbsent("client:" + clientId, c -> request(Map.of(
                "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)));
    }

    private static String request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(ISSUER + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request failed " + response.statusCode() + ": " + response.body());
            }
            JsonNode json = new ObjectMapper().readTree(response.body());
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak not reachable at " + ISSUER + " (infra/infra.sh start)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Tokens() {
    }
}
