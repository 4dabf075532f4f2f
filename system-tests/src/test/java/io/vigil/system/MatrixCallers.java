package io.vigil.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.platform.testing.Tokens;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The matrix's callers and their real tokens from the local Keycloak, fetched again before they expire (a walk may
 * outlast a token). On-call and the deploy owner are people, not roles: oncall-1 is made primary this week, oncall-3
 * is an engineer off call, oncall-4 owns every fixture deploy.
 */
final class MatrixCallers {
    static final String ON_CALL = "oncall-1";
    static final String SECONDARY = "oncall-2";
    static final String OFF_CALL = "oncall-3";
    static final String OWNER = "oncall-4";
    static final String ANONYMOUS = "anonymous";
    static final String PUBLISHER = "event-publisher";

    private record Held(String token, Instant refreshAt) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    /** The dev user behind a column of the matrix; null for the service account and for no token. */
    static String username(String caller) {
        return switch (caller) {
            case "on-call" -> ON_CALL;
            case "off-call" -> OFF_CALL;
            case "owner" -> OWNER;
            case PUBLISHER, ANONYMOUS -> null;
            default -> caller;
        };
    }

    /** A bearer token for the column, or null for {@code anonymous}. */
    String token(String caller) {
        if (ANONYMOUS.equals(caller)) {
            return null;
        }
        Held h = held.get(caller);
        if (h == null || Instant.now().isAfter(h.refreshAt())) {
            h = fetch(caller);
            held.put(caller, h);
        }
        return h.token();
    }

    /** Who the services must record as the actor of what this caller does: the token's principal name. */
    String subject(String caller) {
        String[] parts = token(caller).split("\\.");
        JsonNode claims = MatrixHttp.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        return claims.hasNonNull("preferred_username") ? claims.get("preferred_username").asText() : claims.get("sub").asText();
    }

    private Held fetch(String caller) {
        Map<String, String> form = PUBLISHER.equals(caller)
                ? Map.of("grant_type", "client_credentials", "client_id", "ci-publisher", "client_secret", "ci-publisher-secret")
                : Map.of("grant_type", "password", "client_id", "vigil-cli", "username", username(caller), "password", Tokens.DEV_PASSWORD);
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(Tokens.ISSUER + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token for " + caller + ": " + response.statusCode() + " " + response.body());
            }
            JsonNode json = MatrixHttp.parse(response.body());
            long lifetime = json.path("expires_in").asLong(300);
            return new Held(json.get("access_token").asText(), Instant.now().plus(Duration.ofSeconds(lifetime / 2)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak not reachable at " + Tokens.ISSUER + " (infra/infra.sh start)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
