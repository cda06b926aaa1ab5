package com.chosen.api.catalog;

import java.util.Optional;

import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.chosen.api.kernel.request.NotCleared;
import com.chosen.api.kernel.request.Patch;
import com.chosen.api.kernel.request.TextLength;

/**
 * Body of {@code PUT /cars/{id}}, a partial update: absent fields stay as they are,
 * {@code category_id: null} takes the car out of its category, and {@code null} for the name is a 422.
 */
@Schema(name = "CarChanges")
public record CarChanges(
        @NotCleared Optional<@TextLength(min = 1, max = 100) String> name,
        Optional<@Positive Long> categoryId) {

    /** The category id to set, or null when the change leaves it or clears it. */
    Long newCategoryId() {
        return categoryId == null ? null : categoryId.orElse(null);
    }

    /** {@code category}: the row {@link #newCategoryId()} names (a reference; the foreign key checks it). */
    void applyTo(Car car, Category category) {
        Patch.apply(name, value -> car.name = value);
        Patch.apply(categoryId, value -> car.category = category);
    }
}
