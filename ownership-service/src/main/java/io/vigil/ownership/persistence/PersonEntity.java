package io.vigil.ownership.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Read model of a person and their realm roles; written only by {@code PersonProjector}. */
@Entity
@Table(name = "person")
public class PersonEntity {
    @Id
    public String username;
    public String name;
    public String email;
    public String slack;
    @Column(name = "webhook_url")
    public String webhookUrl;
    @Column(name = "time_zone")
    public String timeZone;
    /** Realm roles as the contract spells them, sorted. */
    public String[] roles = new String[0];
    @Column(name = "registered_at")
    public Instant registeredAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "aggregate_version")
    public int aggregateVersion;
}
