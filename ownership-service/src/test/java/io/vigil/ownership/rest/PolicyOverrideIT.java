package io.vigil.ownership.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vigil.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * One rule changed in an override file (vigil.policy.file) changes what the service decides: the window is
 * 72 h instead of 48 h (its last check band stretched with it, which the document's own checks demand).
 */
@QuarkusTest
@TestProfile(PolicyOverrideIT.LongerWindow.class)
class PolicyOverrideIT {

    /** The built-in document with a 72 h window instead of 48 h, under its own version. */
    public static class LongerWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("policy/policy.yaml")) {
                String builtIn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String changed = builtIn.replaceFirst("(?m)^version: .*$", "version: \"test-longer-window\"")
                        .replaceFirst("length: PT48H", "length: PT72H")
                        .replaceFirst("to: PT48H,", "to: PT72H,");
                assertThat(changed).contains("length: PT72H").contains("to: PT72H,").contains("test-longer-window");
                Path file = Files.createTempFile("policy-", ".yaml");
                Files.writeString(file, changed);
                return Map.of("vigil.policy.file", file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void registerPeople() {
        RegisteredPeople.registerAll();
    }

    @Test
    void shouldOpenTheWindowTheOverrideSays() {
        String id = "dep-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.of("engineer")).contentType(ContentType.JSON).body(DeployResourceIT.body(id))
                .when().post("/deploys")
                .then().statusCode(201).body("windowEndsAt", equalTo("2026-11-25T14:00:00Z"));

        given().auth().oauth2(Tokens.of("engineer")).get("/policy")
                .then().statusCode(200).body("version", equalTo("test-longer-window"));
    }
}
