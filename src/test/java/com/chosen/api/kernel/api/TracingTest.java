package com.chosen.api.kernel.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * With tracing on, a request is one server span named after its route, and each SQL statement it
 * runs is a client span under it carrying the statement's text with its placeholders, never the
 * values bound to them (no personal data leaves in a trace); a log line written during the request
 * names its trace and span.
 */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
class TracingTest {

    /** A collector named, as an operator names one; the spans are kept in memory instead of sent to it. */
    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.exporter.otlp.endpoint", "http://localhost:4317",
                    "quarkus.otel.exporter.otlp.enabled", "false",
                    "quarkus.otel.bsp.schedule.delay", "10ms");
        }
    }

    private static final List<AttributeKey<String>> STATEMENT = List.of(AttributeKey.stringKey("db.query.text"),
            AttributeKey.stringKey("db.statement"));

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void forgetEarlierSpans() {
        spans.reset();
    }

    @Test
    void aRequestIsOneServerSpanWithAClientSpanPerStatementCarryingItsTextButNoBoundValue() throws Exception {
        Account ada = Accounts.newUser("traced");
        String secretName = "Run with Ada's private note 7f3a";
        long id = ada.request().body(Map.of("name", "Morning run", "duration_minutes", 30,
                        "workout_date", "2026-11-21T07:30:00+01:00"))
                .post("/api/v1/workouts").then().statusCode(201).extract().jsonPath().getLong("id");
        spans.reset();

        ada.request().body(Map.of("name", secretName)).put("/api/v1/workouts/" + id).then().statusCode(200);

        SpanData server = awaitServerSpan("PUT /api/v1/workouts/{id}");
        List<SpanData> trace = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(server.getTraceId())).toList();
        List<SpanData> statements = trace.stream().filter(span -> span.getKind() == SpanKind.CLIENT).toList();
        assertEquals(1, trace.stream().filter(span -> span.getKind() == SpanKind.SERVER).count(), trace.toString());
        assertFalse(statements.isEmpty(), trace.toString());
        assertTrue(statements.stream().anyMatch(span -> statement(span).startsWith("update workouts")), trace.toString());
        for (SpanData span : statements) {
            assertEquals(server.getSpanId(), span.getParentSpanId(), span.toString());
            assertTrue(statement(span).contains("$1"), span.toString());
        }
        for (SpanData span : trace) {
            span.getAttributes().forEach((key, value) -> {
                assertFalse(String.valueOf(value).contains("7f3a"), span.toString());
                assertFalse(String.valueOf(value).contains(ada.email()), span.toString());
            });
        }
    }

    @Test
    void eachRequestIsATraceOfItsOwn() throws Exception {
        Account ada = Accounts.newUser("two-traces");
        spans.reset();
        ada.request().get("/api/v1/users/me").then().statusCode(200);
        ada.request().get("/api/v1/users/me").then().statusCode(200);
        awaitServerSpans("GET /api/v1/users/me", 2);
        List<SpanData> servers = spans.getFinishedSpanItems().stream().filter(span -> span.getKind() == SpanKind.SERVER).toList();
        assertEquals(2, servers.size(), servers.toString());
        assertFalse(servers.get(0).getTraceId().equals(servers.get(1).getTraceId()));
    }

    @Test
    void aLogLineWrittenDuringARequestCarriesItsTraceAndSpanIds() throws Exception {
        Account ada = Accounts.newUser("logged");
        List<Map<String, String>> mdcs = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                // Hibernate logs the database's refusal of a duplicate email while the request runs
                if (record instanceof ExtLogRecord line && "org.hibernate.orm.jdbc.error".equals(line.getLoggerName())) {
                    Map<String, String> mdc = new HashMap<>();
                    mdc.put("traceId", line.getMdc("traceId"));
                    mdc.put("spanId", line.getMdc("spanId"));
                    mdcs.add(mdc);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            spans.reset();
            given().contentType(ContentType.JSON)
                    .body(Map.of("email", ada.email(), "password", Accounts.PASSWORD, "full_name", "Ada"))
                    .post("/api/v1/auth/register").then().statusCode(409);
            SpanData server = awaitServerSpan("POST /api/v1/auth/register");
            assertFalse(mdcs.isEmpty());
            for (Map<String, String> mdc : mdcs) {
                assertEquals(Map.of("traceId", server.getTraceId(), "spanId", server.getSpanId()), mdc);
            }
        } finally {
            root.removeHandler(capture);
        }
    }

    private static String statement(SpanData span) {
        return STATEMENT.stream().map(key -> span.getAttributes().get(key)).filter(text -> text != null)
                .findFirst().orElse("");
    }

    private SpanData awaitServerSpan(String name) throws InterruptedException {
        return awaitServerSpans(name, 1).get(0);
    }

    // a server span ends once the answer is written, which may be after the client has read it
    private List<SpanData> awaitServerSpans(String name, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<SpanData> found = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getKind() == SpanKind.SERVER && span.getName().equals(name)).toList();
            if (found.size() >= count || System.nanoTime() > deadline) {
                assertEquals(count, found.size(), spans.getFinishedSpanItems().toString());
                return found;
            }
            Thread.sleep(10);
        }
    }
}
