package io.vigil.scenarios;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 4 against the running system: refusals with real tokens, and a malformed CloudEvent. */
class RefusalsScenarioIT {
    static Stage stage;

    @BeforeAll
    static void stage() {
        stage = new Stage(VigilSystem.local(), Narrator.to(System.out));
        stage.narrator.scenario("4. refusals");
    }

    @AfterAll
    static void close() {
        stage.close();
    }

    @Test
    void shouldRefuseWithTheRightStatusAndRule() {
        Map<String, Http.Answer> answers = new RefusalsScenario(stage).refuse(Stage.run());

        Http.Answer globalDisable = answers.get("engineer (not on call) asks for a global disable");
        assertThat(globalDisable.status()).isEqualTo(403);
        assertThat(globalDisable.text("rule")).startsWith("killswitch.");
        assertThat(answers.get("auditor starts a deploy").status()).isEqualTo(403);
        assertThat(answers.get("auditor raises an alert").status()).isEqualTo(403);
        answers.forEach((what, answer) -> {
            if (what.contains("token")) {
                assertThat(answer.status()).as(what).isEqualTo(401);
            }
            assertThat(answer.text()).as(what + " is problem+json").contains("\"status\":" + answer.status());
        });
    }

    @Test
    void shouldDeadLetterAMalformedCloudEventAndGoOn() {
        assertThat(new RefusalsScenario(stage).malformedEvent(Stage.run())).hasSize(2);
    }
}
