package io.vigil.scenarios;

/**
 * make demo: the seed scenarios played against the running system (make up), told as they happen, with where to
 * look. Moves the system's clocks forward (clock control), so run it on a local system, never a shared one.
 */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        Narrator say = Narrator.to(System.out);
        try (Stage stage = new Stage(VigilSystem.local(), say)) {
            String run = Stage.run();
            say.scenario("1. A deploy's 48 hours (seed 000): CI event → owner → checks → handoff → sign-off");
            DeployOwnershipScenario ownership = new DeployOwnershipScenario(stage);
            DeployOwnershipScenario.Deploy deploy = ownership.startDeploy(run);
            ownership.liveTheWindow(deploy);
            ownership.ownersInTheAuditLog(deploy);

            say.scenario("2. A P1 from Alertmanager in a deploy's window (seed 001 §4, §7): the ladder, the messages, the post-mortem");
            DeployOwnershipScenario.Deploy second = ownership.startDeploy(run + "b");
            P1IncidentScenario p1 = new P1IncidentScenario(stage);
            P1IncidentScenario.Incident incident = p1.fire(second);
            p1.climbTheLadder(incident);
            p1.resolve(incident, second);
            say.saw("timeline of " + incident.incidentId() + ":");
            p1.timeline(incident);
            p1.postmortemDuty(second);

            say.scenario("3. A kill switch (seed 001 §2.2, §5): active at once, approved, resumed, audited");
            KillSwitchScenario killSwitch = new KillSwitchScenario(stage);
            com.fasterxml.jackson.databind.JsonNode active = killSwitch.activate(run);
            killSwitch.approveAndResume(active);
            killSwitch.audit(active.path("switchId").asText());
        } catch (AssertionError | RuntimeException e) {
            System.out.println("\nThe demo stopped: " + e.getMessage());
            System.exit(1);
        }
        System.out.printf("%nDone in %d s.%n", (System.nanoTime() - started) / 1_000_000_000L);
    }
}
