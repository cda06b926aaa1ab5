package com.chosen.api.workout;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.chosen.api.kernel.rows.OwnedEntity;

/** One logged workout of one user. */
@Entity
@Table(name = "workouts")
public class Workout extends OwnedEntity {

    @Column(nullable = false, length = 100)
    public String name;

    @Column(length = 500)
    public String description;

    @Column(name = "duration_minutes")
    public Integer durationMinutes;

    @Column(name = "calories_burned")
    public Double caloriesBurned;

    @Column(name = "workout_date", nullable = false)
    public Instant workoutDate;
}
