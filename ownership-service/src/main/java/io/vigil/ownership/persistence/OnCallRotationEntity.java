package io.vigil.ownership.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** Read model of one rotation week; written only by {@code OnCallProjector}. */
@Entity
@Table(name = "oncall_rotation")
public class OnCallRotationEntity {
    @Id
    @Column(name = "week_start")
    public LocalDate weekStart;
    @Column(name = "primary_person")
    public String primary;
    @Column(name = "secondary_person")
    public String secondary;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "scheduled_at")
    public Instant scheduledAt;
    @Column(name = "aggregate_version")
    public int aggregateVersion;
}
