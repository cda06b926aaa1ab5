package com.chosen.api.kernel.request;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;

import org.hibernate.validator.constraints.CodePointLength;

/**
 * A text field's length in characters: Unicode code points, not UTF-16 units, so an emoji counts
 * once (Hibernate Validator's {@link CodePointLength}, with the message the API answers).
 * {@code null} is valid; add {@code @NotNull} where the field is required. What cannot be stored
 * as sent (NUL, unpaired surrogates) is refused for every string while the body is read
 * ({@link StrictJson}).
 */
@Documented
@CodePointLength
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface TextLength {

    @OverridesAttribute(constraint = CodePointLength.class, name = "min")
    int min() default 0;

    @OverridesAttribute(constraint = CodePointLength.class, name = "max")
    int max();

    String message() default "length must be between {min} and {max} characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
