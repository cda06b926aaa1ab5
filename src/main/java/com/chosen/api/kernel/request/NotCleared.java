package com.chosen.api.kernel.request;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * On a partial update, a required field may be left out (unchanged) but not sent as {@code null}
 * (which would clear it). See {@link Patch} for how absent and {@code null} differ.
 */
@Documented
@Constraint(validatedBy = NotCleared.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface NotCleared {

    String message() default "must not be null";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    // validates the Optional itself, not the value inside it
    class Validator implements ConstraintValidator<NotCleared, Optional<?>> {
        @Override
        public boolean isValid(Optional<?> value, ConstraintValidatorContext context) {
            return value == null || value.isPresent();
        }
    }
}
