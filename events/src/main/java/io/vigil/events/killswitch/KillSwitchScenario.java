package io.vigil.events.killswitch;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a kill switch is pulled (seed 001 §5.1); each adds its own activation, approval and notification rules. */
public enum KillSwitchScenario {
    @JsonProperty("data-corruption") DATA_CORRUPTION,
    @JsonProperty("error-rate-above-20") ERROR_RATE_ABOVE_20,
    @JsonProperty("error-rate-above-10") ERROR_RATE_ABOVE_10,
    @JsonProperty("planned-maintenance") PLANNED_MAINTENANCE,
    @JsonProperty("client-request") CLIENT_REQUEST
}
