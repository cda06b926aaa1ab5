package com.chosen.api.catalog;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Category")
public record CategoryResponse(long id, String name, @Schema(nullable = true) String description, Instant createdAt, Instant updatedAt) {

    static CategoryResponse of(Category c) {
        return new CategoryResponse(c.id, c.name, c.description, c.createdAt, c.updatedAt);
    }
}
