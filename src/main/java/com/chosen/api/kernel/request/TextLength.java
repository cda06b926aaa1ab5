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
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A text field's rule: its length in characters (Unicode code points, not UTF-16 units, so an
 * emoji counts once) and no NUL character, which PostgreSQL cannot store. {@code null} is valid;
 * add {@code @NotNull} where the field is required.
 */
@Documented
@Constraint(validatedBy = TextLength.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface TextLength {

    int min() default 0;

    int max();

    String message() default "length must be between {min} and {max} characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<TextLength, String> {
        private int min;
        private int max;

        @Override
        public void initialize(TextLength rule) {
            min = rule.min();
            max = rule.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.indexOf('\0') >= 0) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("must not contain the NUL character")
                        .addConstraintViolation();
                return false;
            }
            int length = value.codePointCount(0, value.length());
            return length >= min && length <= max;
        }
    }
}
