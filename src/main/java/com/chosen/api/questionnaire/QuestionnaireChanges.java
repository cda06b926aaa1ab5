package com.chosen.api.questionnaire;

import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.chosen.api.kernel.request.NotCleared;
import com.chosen.api.kernel.request.OneOf;
import com.chosen.api.kernel.request.Patch;
import com.chosen.api.kernel.request.TextLength;

/**
 * Body of {@code PUT /questionnaires/{id}}, a partial update: absent fields stay as they are,
 * {@code null} clears an optional field, and {@code null} for a required one is a 422.
 */
@Schema(name = "QuestionnaireChanges")
public record QuestionnaireChanges(
        @NotCleared @Schema(ref = "Goal", nullable = false) Optional<@OneOf(Goal.class) String> goal,
        @NotCleared @Schema(ref = "ExperienceLevel", nullable = false)
        Optional<@OneOf(ExperienceLevel.class) String> experienceLevel,
        @NotCleared @Schema(nullable = false) Optional<@Min(1) @Max(14) Integer> sessionsPerWeek,
        Optional<@Min(5) @Max(300) Integer> minutesPerSession,
        Optional<@TextLength(max = 500) String> injuries) {

    void applyTo(Questionnaire questionnaire) {
        Patch.apply(goal, value -> questionnaire.goal = value);
        Patch.apply(experienceLevel, value -> questionnaire.experienceLevel = value);
        Patch.apply(sessionsPerWeek, value -> questionnaire.sessionsPerWeek = value);
        Patch.apply(minutesPerSession, value -> questionnaire.minutesPerSession = value);
        Patch.apply(injuries, value -> questionnaire.injuries = value);
    }
}
