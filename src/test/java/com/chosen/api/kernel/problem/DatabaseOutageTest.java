package com.chosen.api.kernel.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.chosen.api.kernel.idempotency.Idempotency;
import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;
import com.chosen.api.support.PostgresResource;
import com.chosen.api.support.Retries;
import com.chosen.api.support.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * When PostgreSQL goes away, or stops answering without closing anything, the service answers 503
 * quickly, stays alive, and recovers by itself when the database is back, with nothing lost; and a
 * write answered 503 is never applied.
 */
@QuarkusTest
class DatabaseOutageTest {

    @AfterEach
    void databaseIsBack() {
        PostgresResource.thawServer();
        PostgresResource.startServer();
    }

    @Test
    void anOutageAnswers503QuicklyAndTheServiceRecoversWithNothingLost() {
        Account ada = Accounts.newUser("ada");
        long id = ada.request().body(Map.of("name", "Before the outage", "workout_date", "2026-11-01T10:00:00Z"))
                .post("/api/v1/workouts").then().statusCode(201).extract().jsonPath().getLong("id");
        given().get("/q/health/ready").then().statusCode(200);

        PostgresResource.stopServer();
        Instant start = Instant.now();
        ada.request().get("/api/v1/workouts/" + id).then().statusCode(503)
                .contentType("application/problem+json").body("status", equalTo(503)).header("Retry-After", "2");
        ada.request().body(Map.of("name", "During the outage", "workout_date", "2026-11-01T10:00:00Z"))
                .post("/api/v1/workouts").then().statusCode(503).header("Retry-After", "2");
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 15, "503 must come within seconds");
        given().get("/q/health/ready").then().statusCode(503);
        given().get("/q/health/live").then().statusCode(200);

        PostgresResource.startServer();
        ada.request().get("/api/v1/workouts/" + id).then().statusCode(200).body("name", equalTo("Before the outage"));
        ada.request().get("/api/v1/workouts").then().statusCode(200).header("X-Total-Count", "1");
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aFrozenDatabaseIsAnswered503WithoutHangingAndTheServiceRecoversWhenItThaws() throws Exception {
        Account ada = Accounts.newUser("frozen");
        long id = ada.request().body(Map.of("name", "Before the freeze", "workout_date", "2026-11-01T10:00:00Z"))
                .post("/api/v1/workouts").then().statusCode(201).extract().jsonPath().getLong("id");

        PostgresResource.freezeServer();
        // more requests at once than the pool has connections: none may hang (the client gives up after
        // 60 s, which would fail the test), every one is a 503 problem
        ExecutorService clients = Executors.newFixedThreadPool(40);
        List<String> answered503 = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean write = i % 2 == 0;
                Map<String, Object> workout = Map.of("name", "During the freeze " + i, "workout_date", "2026-11-01T10:00:00Z");
                answers.add(clients.submit(() -> (write
                        ? patient(ada).body(workout).post("/api/v1/workouts")
                        : patient(ada).get("/api/v1/workouts/" + id)).then()
                        .contentType("application/problem+json").extract().statusCode()));
            }
            for (int i = 0; i < answers.size(); i++) {
                int status = answers.get(i).get();
                if (i % 2 == 0) {
                    // a write without Idempotency-Key is no transaction: the statement PostgreSQL received may
                    // still be applied, which only a 504 may leave open
                    assertTrue(status == 503 || status == 504, "503 or 504, not " + status);
                } else {
                    assertEquals(503, status);
                }
                if (i % 2 == 0 && status == 503) {
                    answered503.add("During the freeze " + i);
                }
            }
        } finally {
            clients.shutdownNow();
        }
        given().config(PATIENT).get("/q/health/live").then().statusCode(200);
        given().config(PATIENT).get("/q/health/ready").then().statusCode(503);

        PostgresResource.thawServer();
        ada.request().get("/api/v1/workouts/" + id).then().statusCode(200).body("name", equalTo("Before the freeze"));
        ada.request().body(Map.of("name", "After the thaw", "workout_date", "2026-11-02T10:00:00Z"))
                .post("/api/v1/workouts").then().statusCode(201);
        given().get("/q/health/ready").then().statusCode(200);
        awaitNoWriteInFlight();
        for (String name : answered503) {
            assertEquals(0, Sql.count("select count(*) from workouts where name = ?", name), name + " was answered 503");
        }
    }

    @Test
    void aWriteAnswered503WhileTheDatabaseWasFrozenIsNeverAppliedAndItsRetryCreatesOneRow() throws Exception {
        Account ada = Accounts.newUser("frozen-key");
        String key = UUID.randomUUID().toString();
        Map<String, Object> run = Map.of("name", "Sent while frozen", "workout_date", "2026-11-01T10:00:00Z");

        // a read first, so that the write's session is known live (no database read to authenticate it)
        // and the pool holds an idle connection: the write takes it and sends its statements to the
        // frozen server, which runs them when it thaws; after the 503, the transaction must not commit
        ada.request().get("/api/v1/workouts").then().statusCode(200);
        PostgresResource.freezeServer();
        try {
            // answered by chosen.http.request-timeout, which says when to retry like every 503
            patient(ada).header(Idempotency.HEADER, key).body(run).post("/api/v1/workouts").then()
                    .statusCode(503).contentType("application/problem+json").header("Retry-After", "2");
        } finally {
            PostgresResource.thawServer();
        }
        awaitNoWriteInFlight();
        assertEquals(0, workoutsSentWhileFrozen(ada));

        Response retry = Retries.untilNotInFlight(
                () -> ada.request().header(Idempotency.HEADER, key).body(run).post("/api/v1/workouts"));

        assertEquals(201, retry.statusCode());
        assertEquals(1, workoutsSentWhileFrozen(ada));
    }

    private static long workoutsSentWhileFrozen(Account owner) {
        return Sql.count("select count(*) from workouts where user_id = ? and name = 'Sent while frozen'", owner.id());
    }

    /** Waits (at most 30 s) until no statement or transaction of the service is left open in PostgreSQL. */
    private static void awaitNoWriteInFlight() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Sql.count("select count(*) from pg_stat_activity where backend_type = 'client backend' "
                + "and pid <> pg_backend_pid() and state <> 'idle'") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    // a client that waits a minute for an answer: long enough that only a hang makes it give up
    private static final RestAssuredConfig PATIENT = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 60_000).setParam("http.connection.timeout", 10_000));

    private static RequestSpecification patient(Account account) {
        return account.request().config(PATIENT);
    }
}
