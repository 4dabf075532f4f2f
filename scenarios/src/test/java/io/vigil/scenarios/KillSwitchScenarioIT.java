package io.vigil.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 3 against the running system: a workspace paused, approved, resumed, and audited. */
class KillSwitchScenarioIT {
    static Stage stage;

    @BeforeAll
    static void stage() {
        stage = new Stage(VigilSystem.local(), Narrator.to(System.out));
        stage.narrator.scenario("3. a kill switch, from activation to the auditor");
    }

    @AfterAll
    static void close() {
        stage.close();
    }

    @Test
    void shouldLogOneCompleteActivationThatVerifies() {
        KillSwitchScenario scenario = new KillSwitchScenario(stage);
        JsonNode active = scenario.activate(Stage.run());
        scenario.approveAndResume(active);
        KillSwitchScenario.Audited audited = scenario.audit(active.path("switchId").asText());

        assertThat(audited.activation().path("complete").asBoolean()).isTrue();
        assertThat(audited.activation().path("missing")).isEmpty();
        assertThat(audited.activation().path("activatedBy").path("value").asText()).isEqualTo(KillSwitchScenario.ON_CALL);
        assertThat(audited.activation().path("approval").path("value").path("outstanding")).isEmpty();
        assertThat(audited.activation().path("approval").path("value").path("given").toString()).contains(KillSwitchScenario.OWNER);
        assertThat(audited.activation().path("notificationSentTo").path("value").toString()).contains(KillSwitchScenario.PM);
        assertThat(audited.activation().path("approvalOverdue").asBoolean()).isFalse();
        assertThat(audited.serverVerify().path("valid").asBoolean()).isTrue();
        assertThat(audited.inclusion()).isTrue();
        assertThat(audited.offline().valid()).as(audited.offline().problem()).isTrue();
    }
}
