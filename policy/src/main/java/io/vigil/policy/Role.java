package io.vigil.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who a rule names: a realm role of DESIGN §4, a duty read from the roster at that instant, the deploy's owner,
 * anyone, or all stakeholders. Spelt as {@code io.vigil.events.DutyRole} and {@code RealmRole} spell them.
 */
public enum Role {
    @JsonProperty("on-call-primary") ON_CALL_PRIMARY,
    @JsonProperty("on-call-secondary") ON_CALL_SECONDARY,
    /** Whoever is primary or secondary at that instant. */
    @JsonProperty("on-call") ON_CALL,
    /** The current owner of a deploy's stabilization window. */
    @JsonProperty("deploy-owner") DEPLOY_OWNER,
    /** For an incident on a service with an open deploy window: that window's owner; otherwise the realm role. */
    @JsonProperty("ingestion-owner") INGESTION_OWNER,
    @JsonProperty("sre-lead") SRE_LEAD,
    @JsonProperty("database-owner") DATABASE_OWNER,
    @JsonProperty("product-manager") PRODUCT_MANAGER,
    @JsonProperty("support-lead") SUPPORT_LEAD,
    @JsonProperty("engineer") ENGINEER,
    @JsonProperty("auditor") AUDITOR,
    @JsonProperty("admin") ADMIN,
    @JsonProperty("event-publisher") EVENT_PUBLISHER,
    /** Any authenticated person (seed 001 §5.1: suspected data corruption). */
    @JsonProperty("anyone") ANYONE,
    /** The document's {@link Policy#stakeholders()}; only where a rule notifies or informs. */
    @JsonProperty("all-stakeholders") ALL_STAKEHOLDERS;

    /** The spelling used in the document, the realm and the events, e.g. {@code on-call-primary}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
