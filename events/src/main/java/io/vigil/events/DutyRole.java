package io.vigil.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The capacity in which a person is paged, notified or asked to approve: an on-call duty read
 * from the roster at that instant, a deploy window's owner, or a realm role of DESIGN §4.
 * Written in lower-case kebab case, e.g. {@code "on-call-primary"}.
 * Adding a value is not an additive change: consumers on the older enum could not read it.
 */
public enum DutyRole {
    @JsonProperty("on-call-primary") ON_CALL_PRIMARY,
    @JsonProperty("on-call-secondary") ON_CALL_SECONDARY,
    /** The current owner of a deploy's 48 h stabilization window. */
    @JsonProperty("deploy-owner") DEPLOY_OWNER,
    /** For an incident on a service with an open deploy window: that window's owner; otherwise the realm role's holder. */
    @JsonProperty("ingestion-owner") INGESTION_OWNER,
    @JsonProperty("sre-lead") SRE_LEAD,
    @JsonProperty("product-manager") PRODUCT_MANAGER,
    @JsonProperty("support-lead") SUPPORT_LEAD,
    @JsonProperty("database-owner") DATABASE_OWNER
}
