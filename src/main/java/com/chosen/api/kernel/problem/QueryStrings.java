package com.chosen.api.kernel.problem;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import com.chosen.api.kernel.problem.Problem.FieldError;

/**
 * What is wrong with a query string that the parameter parsing would read past silently: the HTTP
 * layer splits parameters at {@code ;} as well as {@code &} (so {@code ?limit=1;DROP TABLE x} would
 * be read as {@code limit=1}) and keeps the first of a parameter given twice. Such a query is a 400
 * naming the parameter, before anything reads it.
 */
final class QueryStrings {

    private QueryStrings() {
    }

    /** The first flaw of a raw query string (without the {@code ?}), or empty when it reads as sent. */
    static Optional<FieldError> flawOf(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        Set<String> names = new HashSet<>();
        for (String parameter : query.split("&", -1)) {
            int equals = parameter.indexOf('=');
            String rawName = equals < 0 ? parameter : parameter.substring(0, equals);
            String name;
            try {
                name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
                URLDecoder.decode(parameter, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.of(new FieldError(rawName, "is not correctly percent-encoded"));
            }
            if (parameter.indexOf(';') >= 0) {
                return Optional.of(new FieldError(name, "must not contain ';' (send it encoded as %3B)"));
            }
            if (!name.isEmpty() && !names.add(name)) {
                return Optional.of(new FieldError(name, "is given more than once"));
            }
        }
        return Optional.empty();
    }
}
