package com.chosen.api.user;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A new password that is not one of the most common passwords known from breaches
 * ({@link BreachedPasswords}; NIST SP 800-63B section 5.1.1.2), letter case aside: the first ones an
 * attacker tries. {@code null} is valid; add {@code @NotNull} where the field is required.
 */
@Documented
@Constraint(validatedBy = NotBreached.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface NotBreached {

    String message() default "is one of the most common passwords, known from data breaches: choose another";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NotBreached, String> {
        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            return password == null || !BreachedPasswords.contains(password);
        }
    }
}
