package io.vigil.events.ownership;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Seed 001 §6.4, "Client communication: □ Required □ Not required". */
public enum ClientCommunication {
    @JsonProperty("required") REQUIRED,
    @JsonProperty("not-required") NOT_REQUIRED
}
