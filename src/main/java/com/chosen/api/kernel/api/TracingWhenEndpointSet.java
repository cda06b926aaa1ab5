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
 * ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}, or its traces-only form). application.properties keeps
 * the OpenTelemetry SDK off, so that without one Quarkus installs no Vert.x tracer at all: requests and
 * SQL statements cost what they cost without the extension, and nothing tries to reach a collector
 * that is not there. This source turns it on, above application.properties and below the
 * environment, so an explicit {@code QUARKUS_OTEL_SDK_DISABLED} still wins.
 * <p>
 * It only ever says "on": what a factory answers while the application is built becomes a default
 * value baked into the native executable, so an "off" given here at build time (no collector there)
 * would outlive a collector named when the executable runs.
 */
public class TracingWhenEndpointSet implements ConfigSourceFactory {

    static final List<String> ENDPOINTS = List.of("quarkus.otel.exporter.otlp.endpoint",
            "quarkus.otel.exporter.otlp.traces.endpoint");
    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    // above application.properties in the jar (250), below config/application.properties (260) and the environment (300)
    private static final int ORDINAL = 255;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ENDPOINTS.stream().map(context::getValue).noneMatch(TracingWhenEndpointSet::isSet)) {
            return List.of();
        }
        return List.of(new MapBackedConfigSource("chosen-tracing-when-endpoint-set", Map.of(SDK_DISABLED, "false"), ORDINAL) {
        });
    }

    // named by someone: the extension's own default (localhost:4317) comes from a default-values source,
    // whose ordinal is negative
    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && value.getConfigSourceOrdinal() >= 0;
    }
}
