package io.vigil.events.ownership;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What made a post-mortem necessary during a deploy's window (seed 000, DESIGN §3). */
public enum PostmortemTrigger {
    /** A P1 incident on the deploy's service (a critical alert fired). */
    @JsonProperty("p1-incident") P1_INCIDENT,
    /** A kill switch was activated. */
    @JsonProperty("killswitch-activated") KILLSWITCH_ACTIVATED,
    /** Someone intervened by hand. */
    @JsonProperty("manual-intervention") MANUAL_INTERVENTION,
    /** The deploy was rolled back. */
    @JsonProperty("rollback") ROLLBACK
}
