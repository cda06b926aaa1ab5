package com.chosen.api.questionnaire;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.chosen.api.kernel.request.OneOf;
import com.chosen.api.kernel.request.TextLength;

/** Body of {@code POST /questionnaires}. */
@Schema(name = "NewQuestionnaire")
public record NewQuestionnaire(
        @NotNull @OneOf(Goal.class) @Schema(ref = "Goal", required = true) String goal,
        @NotNull @OneOf(ExperienceLevel.class) @Schema(ref = "ExperienceLevel", required = true)
        String experienceLevel,
        @NotNull @Min(1) @Max(14) @Schema(example = "3") Integer sessionsPerWeek,
        @Min(5) @Max(300) @Schema(nullable = true, example = "45") Integer minutesPerSession,
        @TextLength(max = 500) @Schema(nullable = true, example = "Sore left knee") String injuries) {

    Questionnaire toEntity(long ownerId) {
        Questionnaire questionnaire = new Questionnaire();
        questionnaire.userId = ownerId;
        questionnaire.goal = goal;
        questionnaire.experienceLevel = experienceLevel;
        questionnaire.sessionsPerWeek = sessionsPerWeek;
        questionnaire.minutesPerSession = minutesPerSession;
        questionnaire.injuries = injuries;
        return questionnaire;
    }
}
