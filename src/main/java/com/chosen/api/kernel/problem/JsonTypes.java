package com.chosen.api.kernel.problem;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Optional;

/** Names a Java target type the way a JSON client thinks of it, for "wrong type" messages. */
final class JsonTypes {

    private JsonTypes() {
    }

    static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time with offset, e.g. 2026-11-21T10:15:30Z";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == Optional.class) {
            return "a value of the documented type";
        }
        return "an object";
    }
}
