package com.chosen.api.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class TracingWhenEndpointSetTest {

    @Test
    void withoutACollectorTheSdkStaysOff() {
        assertEquals(true, sdkDisabled(Map.of()));
        assertEquals(true, sdkDisabled(Map.of("quarkus.otel.exporter.otlp.endpoint", " ")));
    }

    @Test
    void theExtensionsDefaultEndpointNamesNoCollector() {
        assertEquals(true, new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of(TracingWhenEndpointSet.SDK_DISABLED, "true"),
                        "application.properties", 250))
                .withDefaultValue("quarkus.otel.exporter.otlp.endpoint", "http://localhost:4317/")
                .withSources(new TracingWhenEndpointSet())
                .build()
                .getValue(TracingWhenEndpointSet.SDK_DISABLED, Boolean.class));
    }

    @Test
    void namingACollectorTurnsItOn() {
        assertEquals(false, sdkDisabled(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://jaeger:4317")));
        assertEquals(false, sdkDisabled(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://jaeger:4317")));
    }

    @Test
    void anExplicitSettingInTheEnvironmentWins() {
        assertEquals(false, sdkDisabled(Map.of("quarkus.otel.sdk.disabled", "false")));
        assertEquals(true, sdkDisabled(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://jaeger:4317",
                "quarkus.otel.sdk.disabled", "true")));
    }

    // the application's own properties (the SDK off, at their ordinal) under the given environment
    private static boolean sdkDisabled(Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of(TracingWhenEndpointSet.SDK_DISABLED, "true"),
                        "application.properties", 250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withSources(new TracingWhenEndpointSet())
                .build()
                .getValue(TracingWhenEndpointSet.SDK_DISABLED, Boolean.class);
    }
}
