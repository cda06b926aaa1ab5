package com.chosen.api.kernel.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Traces are recorded and exported exactly when a collector is named
 * ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}, or its traces-only form). Without one the OpenTelemetry
 * SDK stays off: Quarkus then installs no Vert.x tracer at all, so requests and SQL statements cost
 * what they cost without the extension, and nothing tries to reach a collector that is not there. An
 * explicit {@code quarkus.otel.sdk.disabled} still wins.
 */
public class TracingWhenEndpointSet implements ConfigSourceFactory {

    static final List<String> ENDPOINTS = List.of("quarkus.otel.exporter.otlp.endpoint",
            "quarkus.otel.exporter.otlp.traces.endpoint");
    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ENDPOINTS.stream().map(context::getValue).anyMatch(TracingWhenEndpointSet::isSet)) {
            return List.of();
        }
        // below application.properties (250) and the environment (300), above Quarkus' default (false)
        return List.of(new MapBackedConfigSource("chosen-tracing-when-endpoint-set", Map.of(SDK_DISABLED, "true"), 240) {
        });
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
