package io.vigil.ownership.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vigil.events.EventCodec;
import io.vigil.events.Envelope;
import io.vigil.events.Topics;
import io.vigil.ownership.application.Roster;
import io.vigil.platform.testing.KafkaTestTopics;
import io.vigil.platform.testing.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class PeopleResourceIT {
    final EventCodec codec = new EventCodec();

    @Inject
    Roster roster;

    static Map<String, Object> body(String username, String... roles) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Person " + username);
        body.put("email", username + "@vigil.local");
        body.put("slack", "@" + username);
        body.put("timeZone", "Europe/Berlin");
        body.put("roles", List.of(roles));
        return body;
    }

    static void register(String username, String... roles) {
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON).body(body(username, roles))
                .put("/people/" + username).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    @Test
    void shouldRegisterAPersonAndPublishTheRegistrationAndRoles() {
        String username = "p-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON).body(body(username, "engineer", "sre-lead"))
                .when().put("/people/" + username)
                .then().statusCode(201)
                .body("username", equalTo(username), "email", equalTo(username + "@vigil.local"),
                        "roles", containsInAnyOrder("engineer", "sre-lead"));

        given().auth().oauth2(Tokens.of("auditor")).get("/people/" + username)
                .then().statusCode(200).body("timeZone", equalTo("Europe/Berlin"), "slack", equalTo("@" + username));
        given().auth().oauth2(Tokens.of("admin")).get("/people")
                .then().statusCode(200).body("username", hasItem(username));
        given().auth().oauth2(Tokens.of("engineer")).get("/people")
                .then().statusCode(403).contentType("application/problem+json")
                .body("rule", equalTo("role-required"), "detail", equalTo("this request needs the role admin"));
        assertThat(roster.isRegistered(username)).isTrue();
        assertThat(roster.isRegistered("nobody-" + UUID.randomUUID())).isFalse();

        List<Envelope> published = KafkaTestTopics.read(Topics.ROSTER, r -> username.equals(r.key()), 3, Duration.ofSeconds(20))
                .stream().map(r -> codec.decode(r.headers(), r.value())).toList();
        assertThat(published).extracting(Envelope::type).containsExactly(
                "vigil.person.registered.v1", "vigil.role.granted.v1", "vigil.role.granted.v1");
        assertThat(published).allSatisfy(e -> {
            assertThat(e.subject()).isEqualTo(username);
            assertThat(e.actor()).isEqualTo("admin");
        });
    }

    @Test
    void shouldPublishOnlyWhatChanged() {
        String username = "p-" + UUID.randomUUID();
        register(username, "engineer");
        Map<String, Object> changed = body(username, "ingestion-owner");
        changed.put("email", "new-" + username + "@example.com");
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON).body(changed).put("/people/" + username)
                .then().statusCode(200).body("email", equalTo("new-" + username + "@example.com"), "roles", containsInAnyOrder("ingestion-owner"));
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON).body(changed).put("/people/" + username)
                .then().statusCode(200);

        List<Envelope> published = KafkaTestTopics.read(Topics.ROSTER, r -> username.equals(r.key()), 5, Duration.ofSeconds(20))
                .stream().map(r -> codec.decode(r.headers(), r.value())).toList();
        assertThat(published).extracting(Envelope::type).containsExactly(
                "vigil.person.registered.v1", "vigil.role.granted.v1",
                "vigil.person.registered.v1", "vigil.role.revoked.v1", "vigil.role.granted.v1");
    }

    @Test
    void shouldNameTheFieldsOfAnInvalidPerson() {
        Map<String, Object> bad = body("p-bad", "engineer", "wizard");
        bad.put("timeZone", "Mars/Olympus");
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON).body(bad).put("/people/p-bad")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("timeZone"));
        bad.put("timeZone", "UTC");
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON).body(bad).put("/people/p-bad")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("roles"));
        bad.remove("email");
        given().auth().oauth2(Tokens.of("admin")).contentType(ContentType.JSON).body(bad).put("/people/p-bad")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("email"));
    }

    @Test
    void shouldLetOnlyAdminsChangePeopleAndEveryoneSignedInReadThem() {
        for (String role : List.of("engineer", "ingestion-owner", "sre-lead", "auditor", "product-manager")) {
            given().auth().oauth2(Tokens.of(role)).contentType(ContentType.JSON).body(body("p-x", "engineer")).put("/people/p-x")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(body("p-x", "engineer")).put("/people/p-x").then().statusCode(401);
        given().get("/people").then().statusCode(401);
        given().get("/people/p-x").then().statusCode(401);
        given().auth().oauth2(Tokens.of("support-lead")).get("/people/nobody-" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
