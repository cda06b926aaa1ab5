package com.chosen.api.kernel.request;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A text field that takes one of a fixed set of values: the constants of {@link #value()}, written
 * in lower case ({@code LOSE_WEIGHT} is {@code "lose_weight"}). Such fields are plain strings in the
 * request and the table, so that a wrong value is a 422 naming the allowed values rather than a
 * JSON mapping error. For OpenAPI, list the values once with {@code @Schema(name, enumeration)} on
 * the enum and point each field at it with {@code @Schema(ref = name)} (see {@code questionnaire.Goal}).
 * {@code null} is valid; add {@code @NotNull} where the field is required.
 */
@Documented
@Constraint(validatedBy = OneOf.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
public @interface OneOf {

    /** The enum whose constants, lower-cased, are the allowed values. */
    Class<? extends Enum<?>> value();

    String message() default "must be one of: {values}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OneOf, String> {
        private List<String> allowed;

        /** The wire values of an enum, in declaration order. */
        public static List<String> valuesOf(Class<? extends Enum<?>> type) {
            return Arrays.stream(type.getEnumConstants()).map(constant -> constant.name().toLowerCase(Locale.ROOT))
                    .toList();
        }

        @Override
        public void initialize(OneOf rule) {
            allowed = valuesOf(rule.value());
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || allowed.contains(value)) {
                return true;
            }
            // a message parameter is inserted as text, never evaluated as an expression
            context.unwrap(HibernateConstraintValidatorContext.class)
                    .addMessageParameter("values", String.join(", ", allowed));
            return false;
        }
    }
}
