package com.chosen.api.questionnaire;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a user wants from training; the wire value is the lower-cased name (see {@code OneOf}). */
@Schema(name = "Goal", type = SchemaType.STRING,
        enumeration = { "lose_weight", "build_muscle", "improve_endurance", "stay_healthy" })
public enum Goal {
    LOSE_WEIGHT, BUILD_MUSCLE, IMPROVE_ENDURANCE, STAY_HEALTHY
}
