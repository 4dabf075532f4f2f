package io.vigil.ownership.rest;

import io.restassured.http.ContentType;
import io.vigil.platform.testing.Tokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/** Deploy owners and handoff targets must be registered people: the tests register the realm's users first. */
final class RegisteredPeople {
    static final List<String> REALM = List.of("engineer", "ingestion-owner", "sre-lead", "database-owner", "product-manager",
            "support-lead", "auditor", "admin", "oncall-1", "oncall-2", "oncall-3", "oncall-4");

    private RegisteredPeople() {
    }

    static void registerAll() {
        String admin = Tokens.of("admin");
        for (String username : REALM) {
            String role = username.startsWith("oncall-") ? "engineer" : username;
            given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("name", username, "email", username + "@vigil.local", "timeZone", "Europe/Berlin",
                            "roles", List.of(role)))
                    .when().put("/people/" + username)
                    .then().statusCode(anyOf(is(200), is(201), is(204)));
        }
    }
}
