package com.chosen.api.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class TracingWhenEndpointSetTest {

    @Test
    void withoutACollectorTheSdkIsOff() {
        assertEquals(Optional.of(true), sdkDisabled(Map.of()));
        assertEquals(Optional.of(true), sdkDisabled(Map.of("quarkus.otel.exporter.otlp.endpoint", " ")));
    }

    @Test
    void namingACollectorTurnsItOn() {
        assertEquals(Optional.empty(), sdkDisabled(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://jaeger:4317")));
        assertEquals(Optional.empty(), sdkDisabled(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://jaeger:4317")));
    }

    @Test
    void anExplicitSettingWins() {
        assertEquals(Optional.of(false), sdkDisabled(Map.of("quarkus.otel.sdk.disabled", "false")));
        assertEquals(Optional.of(true), sdkDisabled(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://jaeger:4317",
                "quarkus.otel.sdk.disabled", "true")));
    }

    private static Optional<Boolean> sdkDisabled(Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withSources(new TracingWhenEndpointSet())
                .build();
        return config.getOptionalValue("quarkus.otel.sdk.disabled", Boolean.class);
    }
}
