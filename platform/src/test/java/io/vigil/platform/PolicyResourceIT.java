package io.vigil.platform;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vigil.platform.testing.FreshTestTopic;
import io.vigil.platform.testing.Tokens;
import io.vigil.policy.Policy;
import io.vigil.policy.PolicyLoader;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(FreshTestTopic.class)
class PolicyResourceIT {
    private static final String VERSION = new PolicyLoader().loadDefault().version();

    @Inject
    Policy policy;

    @Test
    void shouldRefuseTheDocumentWithoutAToken() {
        given().when().get("/policy").then().statusCode(401);
    }

    @Test
    void shouldServeTheEffectiveDocumentToAnyoneSignedIn() {
        given().auth().oauth2(Tokens.of("engineer"))
                .when().get("/policy")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("version", equalTo(VERSION))
                .body("source", equalTo("classpath:policy/policy.yaml"))
                .body("document.version", equalTo(VERSION))
                .body("document.ladder.P1.steps[2].ruleId", equalTo("ladder.P1.step2"));
    }

    @Test
    void shouldInjectTheBuiltInPolicyWhenNoFileIsConfigured() {
        assertThat(policy.version()).isEqualTo(VERSION);
        assertThat(policy.ladder().of("P1").steps()).hasSize(4);
    }
}
