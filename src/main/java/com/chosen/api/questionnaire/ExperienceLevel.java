package com.chosen.api.questionnaire;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How much a user has trained before; the wire value is the lower-cased name (see {@code OneOf}). */
@Schema(name = "ExperienceLevel", type = SchemaType.STRING,
        enumeration = { "beginner", "intermediate", "advanced" })
public enum ExperienceLevel {
    BEGINNER, INTERMEDIATE, ADVANCED
}
