package com.chosen.api.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.chosen.api.kernel.rows.AuditedEntity;

/** A group of cars; its name is unique regardless of case (index {@code uq_categories_name_ci}). */
@Entity
@Table(name = "categories")
public class Category extends AuditedEntity {

    @Column(nullable = false, length = 100)
    public String name;

    @Column(length = 500)
    public String description;
}
