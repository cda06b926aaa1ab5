package com.chosen.api.kernel.rows;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * What every resource row carries: an identity id, server-set timestamps and a version that is
 * the row's ETag. Tables declare these columns in their changeset (see {@code 005-workouts.xml}).
 */
@MappedSuperclass
public abstract class AuditedEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;

    @PrePersist
    void stampCreation() {
        createdAt = Timestamps.now();
        updatedAt = createdAt;
    }

    /** Marks a successful update: {@code updated_at} moves forward even within one microsecond. */
    public void touch() {
        Instant now = Timestamps.now();
        updatedAt = now.isAfter(updatedAt) ? now : updatedAt.plus(1, ChronoUnit.MICROS);
    }
}
