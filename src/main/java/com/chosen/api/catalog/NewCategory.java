package com.chosen.api.catalog;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.chosen.api.kernel.request.TextLength;

/** Body of {@code POST /categories}. */
@Schema(name = "NewCategory")
public record NewCategory(
        @NotNull @TextLength(min = 1, max = 100)
        @Schema(description = "Unique regardless of case", example = "Sedan") String name,
        @TextLength(max = 500) @Schema(nullable = true, example = "Four doors and a boot") String description) {

    Category toEntity() {
        Category category = new Category();
        category.name = name;
        category.description = description;
        return category;
    }
}
