package io.vigil.events.deploys;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Release type of a deploy (seed 004); it picks the rollout stages: patch direct or quick canary, minor canary → 25 → 50 → 100, major extended canary → 10 → 25 → 50 → 100. */
public enum ReleaseType {
    @JsonProperty("patch") PATCH,
    @JsonProperty("minor") MINOR,
    @JsonProperty("major") MAJOR
}
