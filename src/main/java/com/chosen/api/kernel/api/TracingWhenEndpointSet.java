package com.chosen.api.kernel.api;

import java.util.List;

/**
 * Traces are recorded and exported exactly when a collector is named
 * ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}, or its traces-only form). application.properties keeps
 * the OpenTelemetry SDK off, so that without one Quarkus installs no Vert.x tracer at all: requests and
 * SQL statements cost what they cost without the extension, and nothing tries to reach a collector
 * that is not there. This turns it on above application.properties in the jar (250), below
 * config/application.properties (260) and the environment (300), so an explicit
 * {@code QUARKUS_OTEL_SDK_DISABLED} still wins.
 */
public class TracingWhenEndpointSet extends SettingWhenNamed {

    static final List<String> ENDPOINTS = List.of("quarkus.otel.exporter.otlp.endpoint",
            "quarkus.otel.exporter.otlp.traces.endpoint");
    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";

    public TracingWhenEndpointSet() {
        super("chosen-tracing-when-endpoint-set", ENDPOINTS, SDK_DISABLED, "false", 255);
    }
}
