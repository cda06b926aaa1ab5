package com.chosen.api.catalog;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.chosen.api.kernel.request.TextLength;
import com.chosen.api.kernel.rows.Rows;

import io.smallrye.mutiny.Uni;

/** Body of {@code POST /cars}. */
@Schema(name = "NewCar")
public record NewCar(
        @NotNull @TextLength(min = 1, max = 100) @Schema(example = "Model 3") String name,
        @Positive @Schema(nullable = true, description = "An existing category, or absent/null for none", example = "1") Long categoryId) {

    /** The category the car is put in (a reference: the foreign key checks that it exists); null for none. */
    Uni<Category> category() {
        return Rows.reference(Category.class, categoryId);
    }

    Car toEntity(Category category) {
        Car car = new Car();
        car.name = name;
        car.category = category;
        return car;
    }
}
