package com.chosen.api.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * Spans the application exports, kept in memory for a test to read (Quarkus exports to every
 * {@code SpanExporter} bean). Only a test that turns the OpenTelemetry SDK on (TracingTest) records
 * any: the others run with it off, as production does without a collector.
 */
@ApplicationScoped
public class RecordedSpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
