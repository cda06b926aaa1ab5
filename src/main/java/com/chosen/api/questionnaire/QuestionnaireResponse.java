package com.chosen.api.questionnaire;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Questionnaire")
public record QuestionnaireResponse(long id, long userId,
                                    @Schema(ref = "Goal") String goal,
                                    @Schema(ref = "ExperienceLevel") String experienceLevel,
                                    int sessionsPerWeek, @Schema(nullable = true) Integer minutesPerSession,
                                    @Schema(nullable = true) String injuries,
                                    Instant createdAt, Instant updatedAt) {

    static QuestionnaireResponse of(Questionnaire q) {
        return new QuestionnaireResponse(q.id, q.userId, q.goal, q.experienceLevel, q.sessionsPerWeek,
                q.minutesPerSession, q.injuries, q.createdAt, q.updatedAt);
    }
}
