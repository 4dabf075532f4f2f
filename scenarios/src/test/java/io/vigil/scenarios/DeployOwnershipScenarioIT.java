package io.vigil.scenarios;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 1 against the running system: a deploy's window from the CI's CloudEvent to the sign-off. */
class DeployOwnershipScenarioIT {
    static Stage stage;

    @BeforeAll
    static void stage() {
        stage = new Stage(VigilSystem.local(), Narrator.to(System.out));
    }

    @AfterAll
    static void close() {
        stage.close();
    }

    @Test
    void shouldKeepExactlyOneOwnerFromTheCiEventToTheSignOff() {
        DeployOwnershipScenario scenario = new DeployOwnershipScenario(stage);
        stage.narrator.scenario("1. a deploy's 48 hours");
        DeployOwnershipScenario.Deploy deploy = scenario.startDeploy(Stage.run());
        scenario.liveTheWindow(deploy);

        assertThat(scenario.ownersInTheAuditLog(deploy))
                .containsExactly(DeployOwnershipScenario.MERGER, DeployOwnershipScenario.NEXT_OWNER, "(released)");
    }
}
