package com.chosen.api.workout;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.chosen.api.kernel.request.NotCleared;
import com.chosen.api.kernel.request.Patch;
import com.chosen.api.kernel.request.TextLength;
import com.chosen.api.kernel.rows.Timestamps;

/**
 * Body of {@code PUT /workouts/{id}}, a partial update: absent fields stay as they are,
 * {@code null} clears an optional field, and {@code null} for a required one is a 422.
 */
@Schema(name = "WorkoutChanges")
public record WorkoutChanges(
        @NotCleared @Schema(nullable = false) Optional<@TextLength(min = 1, max = 100) String> name,
        Optional<@TextLength(max = 500) String> description,
        Optional<@Min(1) @Max(1440) Integer> durationMinutes,
        Optional<@PositiveOrZero @DecimalMax("1000000") Double> caloriesBurned,
        @NotCleared @Schema(nullable = false) Optional<OffsetDateTime> workoutDate) {

    void applyTo(Workout workout) {
        Patch.apply(name, value -> workout.name = value);
        Patch.apply(description, value -> workout.description = value);
        Patch.apply(durationMinutes, value -> workout.durationMinutes = value);
        Patch.apply(caloriesBurned, value -> workout.caloriesBurned = value);
        Patch.apply(workoutDate, value -> workout.workoutDate = Timestamps.of(value));
    }
}
