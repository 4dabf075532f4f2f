package io.vigil.ownership.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Read model of a rollout programme; written only by {@code ProgramProjector}. {@code sheet} is a {@link ProgramSheet} as JSON. */
@Entity
@Table(name = "program")
public class ProgramEntity {
    @Id
    @Column(name = "program_id")
    public String programId;
    public String name;
    public String phase;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    public String sheet;
    @Column(name = "aggregate_version")
    public int aggregateVersion;
}
