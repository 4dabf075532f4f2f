package io.vigil.events.roster;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The two on-call slots of a rotation (seed 001 §3). */
public enum OnCallSlot {
    @JsonProperty("primary") PRIMARY,
    @JsonProperty("secondary") SECONDARY
}
