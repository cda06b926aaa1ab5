package com.chosen.api.questionnaire;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import com.chosen.api.kernel.rows.OwnedEntity;

/**
 * One set of onboarding answers of one user; a user may answer again, so there can be many.
 * {@code goal} and {@code experience_level} hold the wire values of {@link Goal} and
 * {@link ExperienceLevel}.
 */
@Entity
@Table(name = "questionnaires")
public class Questionnaire extends OwnedEntity {

    @Column(nullable = false, length = 32)
    public String goal;

    @Column(name = "experience_level", nullable = false, length = 32)
    public String experienceLevel;

    @Column(name = "sessions_per_week", nullable = false)
    public Integer sessionsPerWeek;

    @Column(name = "minutes_per_session")
    public Integer minutesPerSession;

    @Column(length = 500)
    public String injuries;
}
