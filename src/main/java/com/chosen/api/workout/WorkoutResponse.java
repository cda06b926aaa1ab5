package com.chosen.api.workout;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Workout")
public record WorkoutResponse(long id, long userId, String name, @Schema(nullable = true) String description,
                              @Schema(nullable = true) Integer durationMinutes,
                              @Schema(nullable = true) Double caloriesBurned, Instant workoutDate, Instant createdAt, Instant updatedAt) {

    static WorkoutResponse of(Workout w) {
        return new WorkoutResponse(w.id, w.userId, w.name, w.description, w.durationMinutes, w.caloriesBurned,
                w.workoutDate, w.createdAt, w.updatedAt);
    }
}
