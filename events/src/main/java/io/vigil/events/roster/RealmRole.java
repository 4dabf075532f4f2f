package io.vigil.events.roster;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The realm roles of DESIGN §4. On-call is not a role: it is read from the roster. */
public enum RealmRole {
    @JsonProperty("engineer") ENGINEER,
    @JsonProperty("ingestion-owner") INGESTION_OWNER,
    @JsonProperty("sre-lead") SRE_LEAD,
    @JsonProperty("database-owner") DATABASE_OWNER,
    @JsonProperty("product-manager") PRODUCT_MANAGER,
    @JsonProperty("support-lead") SUPPORT_LEAD,
    @JsonProperty("auditor") AUDITOR,
    @JsonProperty("admin") ADMIN,
    @JsonProperty("event-publisher") EVENT_PUBLISHER
}
