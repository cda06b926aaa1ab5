package com.chosen.api.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Without a collector (the test profile names none, like a production that sets no
 * QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT) the OpenTelemetry SDK is off, Quarkus' own default endpoint
 * notwithstanding: nothing is recorded.
 */
@QuarkusTest
class TracingOffTest {

    @ConfigProperty(name = "quarkus.otel.sdk.disabled")
    boolean sdkDisabled;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void withoutACollectorTheSdkIsOffAndNothingIsRecorded() {
        assertTrue(sdkDisabled);
        Accounts.newUser("untraced").request().get("/api/v1/users/me").then().statusCode(200);
        assertEquals(0, spans.getFinishedSpanItems().size());
    }
}
