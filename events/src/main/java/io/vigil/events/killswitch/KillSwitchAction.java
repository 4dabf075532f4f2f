package io.vigil.events.killswitch;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a kill switch does (seed 001 §2.2). A pause's length (under or over an hour) is its {@code durationMinutes}. */
public enum KillSwitchAction {
    @JsonProperty("pause") PAUSE,
    @JsonProperty("rollback") ROLLBACK,
    @JsonProperty("global-disable") GLOBAL_DISABLE
}
