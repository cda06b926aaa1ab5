package com.chosen.api.workout;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.chosen.api.kernel.request.TextLength;
import com.chosen.api.kernel.rows.Timestamps;

/** Body of {@code POST /workouts}. */
@Schema(name = "NewWorkout")
public record NewWorkout(
        @NotNull @TextLength(min = 1, max = 100) @Schema(example = "Morning run") String name,
        @TextLength(max = 500) @Schema(nullable = true, example = "Easy 5k along the river") String description,
        @Min(1) @Max(1440) @Schema(nullable = true, example = "30") Integer durationMinutes,
        @PositiveOrZero @DecimalMax("1000000") @Schema(nullable = true, example = "320.5") Double caloriesBurned,
        @NotNull @Schema(description = "ISO-8601 date-time with offset; kept to the microsecond",
                example = "2026-11-21T07:30:00+01:00") OffsetDateTime workoutDate) {

    Workout toEntity(long ownerId) {
        Workout workout = new Workout();
        workout.userId = ownerId;
        workout.name = name;
        workout.description = description;
        workout.durationMinutes = durationMinutes;
        workout.caloriesBurned = caloriesBurned;
        workout.workoutDate = Timestamps.of(workoutDate);
        return workout;
    }
}
