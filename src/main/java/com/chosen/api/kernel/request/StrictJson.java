package com.chosen.api.kernel.request;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.inject.Singleton;

import com.chosen.api.kernel.problem.UnstorableTextException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.type.ReferenceType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Reads JSON strictly, as the contract promises: a value of the wrong JSON type is an error
 * ("30" or 30.5 for an integer, 5 for a string), never silently coerced; no trailing content, no
 * duplicate keys; no string that cannot be stored as sent. Partial updates tell an absent field from
 * a null one ({@link Patch}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Date-times are ISO-8601 strings with an offset: never epoch numbers, never a local time. */
    static final class IsoOffsetDateTimeDeserializer extends StdScalarDeserializer<OffsetDateTime> {

        IsoOffsetDateTimeDeserializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
            }
            String text = parser.getText();
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, text,
                        "not an ISO-8601 date-time with offset");
            }
        }
    }

    /**
     * Every string of a body is stored and answered exactly as sent, so one that cannot be is refused
     * while it is read, whatever field it is in: a NUL character or an unpaired UTF-16 surrogate.
     */
    static final class StorableStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            String flaw = value == null ? null : flawOf(value);
            if (flaw != null) {
                throw new UnstorableTextException(parser, flaw);
            }
            return value;
        }

        /** Why {@code text} cannot be stored as sent, or null when it can. */
        static String flawOf(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\0') {
                    return "must not contain the NUL character";
                }
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return "must not contain an unpaired UTF-16 surrogate (\\u" + Integer.toHexString(c) + ")";
                }
            }
            return null;
        }
    }

    /**
     * Jackson reads an absent {@code Optional} record component as {@code Optional.empty()}, the
     * same as a JSON null; this makes it {@code null}, so that {@link Patch} can tell the two apart.
     */
    static final class AbsentOptionalAsNull extends DelegatingDeserializer {

        AbsentOptionalAsNull(JsonDeserializer<?> optionalDeserializer) {
            super(optionalDeserializer);
        }

        static SimpleModule module() {
            return new SimpleModule("absent-optionals-as-null").setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public JsonDeserializer<?> modifyReferenceDeserializer(DeserializationConfig config, ReferenceType type,
                                                                       BeanDescription description,
                                                                       JsonDeserializer<?> deserializer) {
                    return type.hasRawClass(Optional.class) ? new AbsentOptionalAsNull(deserializer) : deserializer;
                }
            });
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new AbsentOptionalAsNull(newDelegatee);
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }
    }

    // after Quarkus' own customizer, so that our date-time reading replaces the JavaTimeModule's
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(AbsentOptionalAsNull.module());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        for (LogicalType type : new LogicalType[] { LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.DateTime, LogicalType.Enum }) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("iso-offset-date-times").addDeserializer(OffsetDateTime.class,
                new IsoOffsetDateTimeDeserializer()));
        mapper.registerModule(new SimpleModule("storable-strings").addDeserializer(String.class,
                new StorableStringDeserializer()));
    }
}
