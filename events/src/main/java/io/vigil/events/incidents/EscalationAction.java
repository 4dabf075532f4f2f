package io.vigil.events.incidents;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a step of the escalation ladder does (DESIGN §3, seed 001 §4.2). */
public enum EscalationAction {
    /** Page the targets: they must respond. */
    @JsonProperty("page") PAGE,
    /** Tell the targets, no response expected (e.g. P2 at 30 min: notify secondary). */
    @JsonProperty("notify") NOTIFY,
    /** Ask for a ticket to be opened (P3 unresolved after 60 min). */
    @JsonProperty("request-ticket") REQUEST_TICKET
}
