package io.vigil.platform.testing;

import io.vigil.events.VigilEvent;
import io.vigil.events.deploys.DeployStarted;

import java.net.URI;
import java.time.Instant;

/** Events for platform tests. */
public final class Fixtures {
    public static final URI SOURCE = URI.create("urn:vigil:platform-test");

    public static VigilEvent<DeployStarted> deployStarted(String deployId) {
        Instant at = Instant.parse("2026-11-22T14:00:00Z");
        return VigilEvent.of(SOURCE, deployId, at, "engineer", null, null,
                new DeployStarted(deployId, "checkout", "1.0.0", "production", "engineer",
                        "https://git.example.com/pr/1", true, "https://git.example.com/rollback", at));
    }

    private Fixtures() {
    }
}
