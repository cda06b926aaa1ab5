package com.chosen.api.support;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Configuration properties spelled as the environment variables an operator sets for a process. */
public final class EnvironmentVariables {

    private EnvironmentVariables() {
    }

    /** E.g. {@code quarkus.datasource.reactive.url} becomes {@code QUARKUS_DATASOURCE_REACTIVE_URL}. */
    public static Map<String, String> of(Map<String, String> properties) {
        Map<String, String> env = new HashMap<>();
        properties.forEach((name, value) -> env.put(name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), value));
        return env;
    }
}
