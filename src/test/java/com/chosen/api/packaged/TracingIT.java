package com.chosen.api.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * The packaged artifact (the native executable in the native build) sends its traces over OTLP/gRPC
 * to the collector that QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT names when the process starts, and sends
 * nothing without one: the decision is the running process's, not the build's. The collector here is
 * a gRPC endpoint that keeps what it is sent; a span's name and attributes travel as plain UTF-8
 * inside the protobuf, so the bytes are searched for them, and for the values the request sent
 * (never there). The sampler's ratio, too, is read when the process starts.
 */
@QuarkusIntegrationTest
class TracingIT {

    // where the OpenTelemetry exporter sends when nobody names a collector
    private static final int THE_EXTENSIONS_DEFAULT_PORT = 4317;

    private final Vertx vertx = Vertx.vertx();
    private final StringBuffer received = new StringBuffer();
    private Account ada;
    private long workout;

    @BeforeEach
    void aUserWithAWorkout() {
        ada = Accounts.newUser("traced-packaged");
        workout = ada.request().body(Map.of("name", "Morning run", "workout_date", "2026-11-21T07:30:00Z"))
                .post("/api/v1/workouts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @AfterEach
    void closeTheCollector() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void namingACollectorWhenTheProcessStartsSendsItTheRequestAndStatementSpans() throws Exception {
        int collector = startCollector(0);
        try (PackagedApp app = start(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://localhost:" + collector),
                "tracing-on")) {
            ada.request().port(app.port()).body(Map.of("name", "Run with Ada's private note 9c4e"))
                    .put("/api/v1/workouts/" + workout).then().statusCode(200);

            awaitReceived("PUT /api/v1/workouts/{id}", "update workouts set");
        }
        assertTrue(received.indexOf("where id=$") >= 0, "statements are sent with their placeholders");
        assertFalse(received.indexOf("9c4e") >= 0, "a value the request sent left in a trace");
        assertFalse(received.indexOf(ada.email()) >= 0, "the user's email left in a trace");
    }

    @Test
    void withoutACollectorNamedNothingIsSentNotEvenToTheDefaultPort() throws Exception {
        startCollector(THE_EXTENSIONS_DEFAULT_PORT);
        try (PackagedApp app = start(Map.of(), "tracing-off")) {
            ada.request().port(app.port()).body(Map.of("name", "Untraced run"))
                    .put("/api/v1/workouts/" + workout).then().statusCode(200);
            // twenty times the export delay start() sets
            Thread.sleep(2_000);
        }
        assertEquals(0, received.length(), "bytes sent to the default collector port");
    }

    @Test
    void theSamplingRatioIsReadWhenTheProcessStarts() throws Exception {
        int collector = startCollector(0);
        try (PackagedApp app = start(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://localhost:" + collector,
                "quarkus.otel.traces.sampler.arg", "0"), "tracing-sampled-out")) {
            ada.request().port(app.port()).body(Map.of("name", "Sampled-out run"))
                    .put("/api/v1/workouts/" + workout).then().statusCode(200);
            // twenty times the export delay start() sets
            Thread.sleep(2_000);
        }
        assertEquals(0, received.length(), "bytes sent with a sampling ratio of 0");
    }

    // an OTLP/gRPC endpoint (h2c with prior knowledge) answering each export with an empty response
    private int startCollector(int port) throws Exception {
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(true))
                .requestHandler(request -> request.body().onSuccess(body -> {
                    received.append(body.toString(StandardCharsets.ISO_8859_1));
                    request.response().putHeader("content-type", "application/grpc").putTrailer("grpc-status", "0")
                            .end(Buffer.buffer(new byte[5]));
                }));
        return server.listen(port).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    }

    private static PackagedApp start(Map<String, String> tracing, String name) throws Exception {
        Map<String, String> settings = new HashMap<>(tracing);
        settings.put("quarkus.otel.bsp.schedule.delay", "100ms");
        return PackagedApp.startReady(settings, name);
    }

    private void awaitReceived(String... texts) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!containsAll(texts)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The collector did not receive " + String.join(", ", texts)
                        + " within 30 s (" + received.length() + " bytes received); see target/tracing-on.log");
            }
            Thread.sleep(50);
        }
    }

    private boolean containsAll(String... texts) {
        for (String text : texts) {
            if (received.indexOf(text) < 0) {
                return false;
            }
        }
        return true;
    }
}
