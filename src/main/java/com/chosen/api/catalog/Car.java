package com.chosen.api.catalog;

import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.chosen.api.kernel.rows.AuditedEntity;
import com.chosen.api.kernel.rows.Page;
import com.chosen.api.kernel.rows.PageRequest;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;

/** A car of the catalog, in at most one category. */
@Entity
@Table(name = "cars")
public class Car extends AuditedEntity {

    @Column(nullable = false, length = 100)
    public String name;

    // lazy, so that nothing loads it behind our back: every read names it in a join fetch
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    public Category category;

    /** A page of cars with their category, in one query; {@code categoryId} null means every car. */
    static Uni<Page<Car>> pageWithCategory(Long categoryId, PageRequest request) {
        Page.Query<Car> cars = Page.of(Car.class).fetching("category");
        return (categoryId == null ? cars : cars.where("category.id = :category", Map.of("category", categoryId)))
                .window("e.id", request);
    }

    /** One car with its category, in one query; null when there is no such car. */
    static Uni<Car> findWithCategory(long id) {
        return find("from Car c left join fetch c.category where c.id = ?1", id).firstResult();
    }
}
