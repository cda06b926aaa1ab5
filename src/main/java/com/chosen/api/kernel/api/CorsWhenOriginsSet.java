package com.chosen.api.kernel.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * CORS is on exactly when origins are configured ({@code QUARKUS_HTTP_CORS_ORIGINS}): browser apps
 * on those origins may call the API, with the headers application.properties exposes and allows.
 * Without origins nothing changes: no CORS headers, and no request refused for its Origin. An
 * explicit {@code quarkus.http.cors.enabled} still wins.
 */
public class CorsWhenOriginsSet implements ConfigSourceFactory {

    static final String ORIGINS = "quarkus.http.cors.origins";
    static final String ENABLED = "quarkus.http.cors.enabled";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue origins = context.getValue(ORIGINS);
        if (origins == null || origins.getValue() == null || origins.getValue().isBlank()) {
            return List.of();
        }
        // below application.properties (250) and the environment (300), above Quarkus' default (false)
        return List.of(new MapBackedConfigSource("chosen-cors-when-origins-set", Map.of(ENABLED, "true"), 240) {
        });
    }
}
