package io.vigil.scenarios;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Tokens Vigil must turn away: one a real Keycloak issued for another realm, and one forged with a key of our own. */
public final class ForeignTokens {
    private ForeignTokens() {
    }

    /** A genuine token of the Keycloak's master realm (admin-cli, the dev console's admin / admin): another issuer. */
    public static String masterRealm(URI vigilRealm) {
        URI uri = URI.create(vigilRealm.toString().replace("/realms/vigil", "/realms/master") + "/protocol/openid-connect/token");
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode("admin", StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the master realm gave no token: " + response.statusCode() + " " + response.body());
            }
            return Http.JSON.readTree(response.body()).path("access_token").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The vigil realm's issuer and an admin's roles, but expired a minute ago and signed with a key Keycloak never had. */
    public static String forgedExpired(URI vigilRealm) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = Map.of("iss", vigilRealm.toString(), "sub", "admin", "preferred_username", "admin",
                "azp", "vigil-cli", "iat", now - 600, "exp", now - 60, "realm_access", Map.of("roles", List.of("admin")));
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            PrivateKey key = rsa.generateKeyPair().getPrivate();
            String signingInput = b64(Http.write(Map.of("alg", "RS256", "typ", "JWT", "kid", "forged")))
                    + "." + b64(Http.write(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
