package com.chosen.api.catalog;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A car with the id and name of its category, so that a client needs no second request. */
@Schema(name = "Car")
public record CarResponse(long id, String name, @Schema(nullable = true) Long categoryId,
                          @Schema(nullable = true) CategorySummary category,
                          Instant createdAt, Instant updatedAt) {

    @Schema(name = "CategorySummary")
    public record CategorySummary(long id, String name) {
    }

    /** The car's category must have been fetched with it (a reactive session does not load it later). */
    static CarResponse of(Car c) {
        CategorySummary category = c.category == null ? null : new CategorySummary(c.category.id, c.category.name);
        return new CarResponse(c.id, c.name, category == null ? null : category.id(), category, c.createdAt,
                c.updatedAt);
    }
}
