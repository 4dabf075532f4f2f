package io.vigil.ownership.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Read model of one override; written only by {@code OnCallProjector}. */
@Entity
@Table(name = "oncall_override")
public class OnCallOverrideEntity {
    @Id
    @Column(name = "override_id")
    public String overrideId;
    /** {@code primary} or {@code secondary}, as the contract spells it. */
    public String slot;
    public String person;
    public String replaces;
    @Column(name = "from_at")
    public Instant from;
    @Column(name = "to_at")
    public Instant to;
    public String reason;
    @Column(name = "set_at")
    public Instant setAt;
    @Column(name = "aggregate_version")
    public int aggregateVersion;
}
