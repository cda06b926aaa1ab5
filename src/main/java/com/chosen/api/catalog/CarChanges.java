package com.chosen.api.catalog;

import java.util.Optional;

import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.chosen.api.kernel.request.NotCleared;
import com.chosen.api.kernel.request.Patch;
import com.chosen.api.kernel.request.TextLength;
import com.chosen.api.kernel.rows.Rows;

import io.smallrye.mutiny.Uni;

/**
 * Body of {@code PUT /cars/{id}}, a partial update: absent fields stay as they are,
 * {@code category_id: null} takes the car out of its category, and {@code null} for the name is a 422.
 */
@Schema(name = "CarChanges")
public record CarChanges(
        @NotCleared @Schema(nullable = false) Optional<@TextLength(min = 1, max = 100) String> name,
        Optional<@Positive Long> categoryId) {

    /**
     * The category change, decided once: absent leaves the car's category, null takes the car out of
     * it, an id puts it in that category (a reference: the foreign key checks that it exists).
     */
    Uni<Patch<Category>> category() {
        return Patch.of(categoryId).resolve(id -> Rows.reference(Category.class, id));
    }

    void applyTo(Car car, Patch<Category> category) {
        Patch.apply(name, value -> car.name = value);
        category.applyTo(value -> car.category = value);
    }
}
