package com.chosen.api.kernel.rows;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** A row that belongs to one user; {@link Ownership} decides who may see and change it. */
@MappedSuperclass
public abstract class OwnedEntity extends AuditedEntity {

    @Column(name = "user_id", nullable = false, updatable = false)
    public Long userId;
}
