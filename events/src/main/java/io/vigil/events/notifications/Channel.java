package io.vigil.events.notifications;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a notification is delivered. */
public enum Channel {
    @JsonProperty("email") EMAIL,
    @JsonProperty("slack") SLACK,
    @JsonProperty("webhook") WEBHOOK
}
