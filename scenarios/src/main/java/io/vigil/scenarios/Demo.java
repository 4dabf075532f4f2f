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
        } catch (AssertionError | RuntimeException e) {
            System.out.println("\nThe demo stopped: " + e.getMessage());
            System.exit(1);
        }
        System.out.printf("%nDone in %d s.%n", (System.nanoTime() - started) / 1_000_000_000L);
    }
}
