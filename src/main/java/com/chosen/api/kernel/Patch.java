package com.chosen.api.kernel;

import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.ReferenceType;

/**
 * Partial updates: request records of a PUT declare each field as {@code Optional<T>}. A field
 * absent from the body arrives as {@code null} (leave it unchanged), a JSON {@code null} as
 * {@link Optional#empty()} (clear it), a value as {@code Optional.of(value)} (set it).
 */
public final class Patch {

    private Patch() {
    }

    /** Applies one field of a partial update: absent leaves it, null clears it, a value sets it. */
    public static <T> void apply(Optional<T> change, Consumer<T> setter) {
        if (change != null) {
            setter.accept(change.orElse(null));
        }
    }

    /**
     * Jackson reads an absent {@code Optional} record component as {@code Optional.empty()}, the
     * same as a JSON null; this module makes it {@code null} so that the two can be told apart.
     */
    static Module absentOptionalsAsNull() {
        SimpleModule module = new SimpleModule("absent-optionals-as-null");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyReferenceDeserializer(DeserializationConfig config, ReferenceType type,
                                                                   BeanDescription description,
                                                                   JsonDeserializer<?> deserializer) {
                return type.hasRawClass(Optional.class) ? new AbsentAsNull(deserializer) : deserializer;
            }
        });
        return module;
    }

    private static final class AbsentAsNull extends DelegatingDeserializer {

        AbsentAsNull(JsonDeserializer<?> optionalDeserializer) {
            super(optionalDeserializer);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new AbsentAsNull(newDelegatee);
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }
    }
}
