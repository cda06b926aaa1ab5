package com.chosen.api.packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;
import com.chosen.api.support.PostgresResource;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Health, metrics, API documentation and logs of the packaged artifact, as an operator sees them. */
@QuarkusIntegrationTest
class OperationsIT {

    @Test
    void livenessReadinessAndStartupAreUpWithTheReactiveDatasourceChecked() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Reactive PostgreSQL")));
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsAwayAndComesBackWithIt() throws InterruptedException {
        Account ada = Accounts.newUser("outage");
        PostgresResource.stopServer();
        try {
            awaitStatus("/q/health/ready", 503);
            ada.request().get("/api/v1/workouts").then().statusCode(503)
                    .contentType("application/problem+json");
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            PostgresResource.startServer();
        }
        awaitStatus("/q/health/ready", 200);
        ada.request().get("/api/v1/workouts").then().statusCode(200);
    }

    @Test
    void httpServerMetricsArePrometheusTextTaggedWithTheRouteTemplate() {
        Account ada = Accounts.newUser("metrics");
        long id = ada.request().body(Map.of("name", "Row", "workout_date", "2026-11-21T07:30:00Z"))
                .post("/api/v1/workouts").then().statusCode(201).extract().jsonPath().getLong("id");
        ada.request().get("/api/v1/workouts/" + id).then().statusCode(200);
        // Prometheus' text format; OpenMetrics is answered to clients that ask for it
        given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("http_server_requests_seconds_count{"))
                .body(containsString("uri=\"/api/v1/workouts/{id}\""))
                .body(not(containsString("uri=\"/api/v1/workouts/" + id + "\"")))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiAndSwaggerUiAreServedAndDocsRedirectsToIt() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/workouts/{id}"))
                .body("components.schemas", hasKey("Problem"));
        given().redirects().follow(false).get("/docs").then().statusCode(302)
                .header("Location", containsString("/q/swagger-ui"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void withoutConfiguredOriginsCorsIsOffAndAnOriginChangesNothing() {
        // the suite's instance names no origins
        given().header("Origin", "https://app.example").get("/api/v1/categories").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void namingOriginsWhenTheProcessStartsTurnsCorsOn() throws Exception {
        String app = "https://app.example";
        try (PackagedApp withOrigins = PackagedApp.startReady(Map.of("quarkus.http.cors.origins", app), "cors-on")) {
            given().port(withOrigins.port()).header("Origin", app)
                    .header("Access-Control-Request-Method", "PUT")
                    .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                    .options("/api/v1/workouts/1").then().statusCode(200)
                    .header("Access-Control-Allow-Origin", app)
                    .header("Access-Control-Allow-Headers", containsString("If-Match"));
            given().port(withOrigins.port()).header("Origin", "https://elsewhere.example").get("/api/v1/categories")
                    .then().header("Access-Control-Allow-Origin", nullValue());
        }
    }

    @Test
    void productionLogsAreOneJsonObjectPerLine() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("target", "quarkus.log"));
        assertFalse(lines.isEmpty(), "the packaged application logged nothing");
        assertTrue(lines.stream().filter(line -> !line.isBlank()).allMatch(line -> line.startsWith("{\"")),
                () -> "not JSON: " + lines.stream().filter(line -> !line.startsWith("{\"")).findFirst().orElse(""));
        assertTrue(lines.stream().anyMatch(line -> line.contains("\"loggerName\"") && line.contains("started in")));
    }

    private static void awaitStatus(String path, int status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (given().get(path).statusCode() != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " did not answer " + status + " within 30 s");
            }
            Thread.sleep(200);
        }
    }
}
