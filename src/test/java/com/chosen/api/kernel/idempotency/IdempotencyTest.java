package com.chosen.api.kernel.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;
import com.chosen.api.support.Retries;
import com.chosen.api.support.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Idempotency-Key on every POST that creates a row: a retry gets the first answer again and writes
 * nothing, whatever happened to the first answer, and only the caller who sent the key gets it.
 */
@QuarkusTest
class IdempotencyTest {

    private static final String KEY = Idempotency.HEADER;

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndCreatesNothing() {
        Account ada = Accounts.newUser("ada");
        String key = UUID.randomUUID().toString();
        Map<String, Object> run = workout("Retried run");

        Response first = ada.request().header(KEY, key).body(run).post("/api/v1/workouts");
        Response retry = ada.request().header(KEY, key).body(run).post("/api/v1/workouts");

        assertEquals(201, first.statusCode());
        assertSameAnswer(first, retry);
        assertEquals(1, workoutsNamed(ada, "Retried run"));
    }

    @Test
    void everyPostThatCreatesARowHonoursTheKey() {
        Account ada = Accounts.newUser("ada");
        Account admin = Accounts.newAdmin("admin");
        String category = "Idempotent " + UUID.randomUUID();
        String email = Accounts.uniqueEmail("registered-once");
        Map<String, Object> questionnaire = Map.of("goal", "build_muscle", "experience_level", "beginner", "sessions_per_week", 3);
        Map<String, Object> registration = Map.of("email", email, "password", Accounts.PASSWORD, "full_name", "Once");

        assertRetriedOnce(() -> ada.request(), "/api/v1/questionnaires", questionnaire);
        Response categoryAnswer = assertRetriedOnce(() -> admin.request(), "/api/v1/categories", Map.of("name", category));
        assertRetriedOnce(() -> admin.request(), "/api/v1/cars",
                Map.of("name", "Idempotent car", "category_id", categoryAnswer.jsonPath().getLong("id")));
        assertRetriedOnce(() -> given().contentType(ContentType.JSON), "/api/v1/auth/register", registration);

        assertEquals(1, Sql.count("select count(*) from questionnaires where user_id = ?", ada.id()));
        assertEquals(1, Sql.count("select count(*) from cars where category_id = ?", categoryAnswer.jsonPath().getLong("id")));
        assertEquals(1, Sql.count("select count(*) from users where email = ?", email));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndCreatesNothing() {
        Account ada = Accounts.newUser("ada");
        String key = UUID.randomUUID().toString();
        ada.request().header(KEY, key).body(workout("First use")).post("/api/v1/workouts").then().statusCode(201);

        ada.request().header(KEY, key).body(workout("Another request")).post("/api/v1/workouts").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo(KEY));
        ada.request().header(KEY, key).body(Map.of("goal", "build_muscle", "experience_level", "beginner", "sessions_per_week", 3))
                .post("/api/v1/questionnaires").then().statusCode(422).body("errors[0].field", equalTo(KEY));

        assertEquals(0, workoutsNamed(ada, "Another request"));
        assertEquals(0, Sql.count("select count(*) from questionnaires where user_id = ?", ada.id()));
    }

    @Test
    void aRetryWhileTheFirstIsInFlightIs409WithRetryAfterThenGetsTheFirstAnswer() throws Exception {
        Account ada = Accounts.newUser("ada");
        String key = UUID.randomUUID().toString();
        Map<String, Object> run = workout("Slow run");
        ExecutorService client = Executors.newSingleThreadExecutor();
        try {
            // the first request's INSERT waits for the key share its foreign key needs on the user's row
            Future<Response> first = Sql.whileLocked(() -> {
                Future<Response> sent = client.submit(() -> ada.request().header(KEY, key).body(run).post("/api/v1/workouts"));
                Sql.awaitWaitingForALock("workouts");
                ada.request().header(KEY, key).body(run).post("/api/v1/workouts").then()
                        .statusCode(409).contentType("application/problem+json").header("Retry-After", "1");
                return sent;
            }, "select id from users where id = ? for update", ada.id());

            assertEquals(201, first.get().statusCode());
            assertSameAnswer(first.get(), ada.request().header(KEY, key).body(run).post("/api/v1/workouts"));
            assertEquals(1, workoutsNamed(ada, "Slow run"));
        } finally {
            client.shutdownNow();
        }
    }

    @Test
    void concurrentPostsWithOneKeyCreateOneRow() throws Exception {
        Account ada = Accounts.newUser("ada");
        String key = UUID.randomUUID().toString();
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return ada.request().header(KEY, key).body(workout("Concurrent run")).post("/api/v1/workouts");
                }));
            }
            start.countDown();
            List<Response> created = new ArrayList<>();
            for (Future<Response> answer : answers) {
                int status = answer.get().statusCode();
                assertTrue(status == 201 || status == 409, "201 or 409 (in flight), not " + status);
                if (status == 201) {
                    created.add(answer.get());
                }
            }
            assertTrue(!created.isEmpty(), "one request creates the row");
            created.forEach(answer -> assertSameAnswer(created.get(0), answer));
            assertEquals(1, workoutsNamed(ada, "Concurrent run"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRetryAfterTheFirstAnswerWasLostGetsThatAnswer() throws IOException, InterruptedException {
        Account ada = Accounts.newUser("ada");
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Lost answer\",\"workout_date\":\"2026-11-01T10:00:00Z\"}";
        URI api = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        // the client sends the request and goes away before reading anything
        try (Socket socket = new Socket(api.getHost(), api.getPort()); OutputStream out = socket.getOutputStream()) {
            out.write(("POST /api/v1/workouts HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ada.token()
                    + "\r\nContent-Type: application/json\r\n" + KEY + ": " + key + "\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        Response retry = Retries.untilNotInFlight(() -> ada.request().header(KEY, key).body(body).post("/api/v1/workouts"));

        assertEquals(201, retry.statusCode());
        assertEquals(1, workoutsNamed(ada, "Lost answer"));
        ada.request().get("/api/v1/workouts/" + retry.jsonPath().getLong("id")).then().statusCode(200)
                .body("name", equalTo("Lost answer"));
        assertSameAnswer(retry, ada.request().header(KEY, key).body(body).post("/api/v1/workouts"));
    }

    @Test
    void aKeyIsTheCallersOwn() {
        Account ada = Accounts.newUser("ada");
        Account bob = Accounts.newUser("bob");
        String key = UUID.randomUUID().toString();
        Map<String, Object> run = workout("Same key, two users");

        Response adas = ada.request().header(KEY, key).body(run).post("/api/v1/workouts");
        Response bobs = bob.request().header(KEY, key).body(run).post("/api/v1/workouts");

        assertEquals(201, bobs.statusCode());
        assertNotEquals(adas.jsonPath().getLong("id"), bobs.jsonPath().getLong("id"));
        assertEquals(1, workoutsNamed(bob, "Same key, two users"));
        assertSameAnswer(adas, ada.request().header(KEY, key).body(run).post("/api/v1/workouts"));
        // registrations are kept apart by the email they claim
        for (String name : List.of("first", "second")) {
            given().contentType(ContentType.JSON).header(KEY, key)
                    .body(Map.of("email", Accounts.uniqueEmail(name), "password", Accounts.PASSWORD))
                    .post("/api/v1/auth/register").then().statusCode(201).body("full_name", equalTo(null));
        }
    }

    @Test
    void aMalformedKeyIs400AndCreatesNothing() {
        Account ada = Accounts.newUser("ada");
        for (String key : List.of("k".repeat(IdempotentRequest.MAX_KEY_LENGTH + 1), "with space", "caf\u00e9")) {
            ada.request().header(KEY, key).body(workout("Malformed key")).post("/api/v1/workouts").then()
                    .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(KEY));
        }
        assertEquals(0, workoutsNamed(ada, "Malformed key"));
    }

    @Test
    void anExpiredAnswerIsForgottenAndTheKeyCreatesAgain() {
        Account ada = Accounts.newUser("ada");
        String key = UUID.randomUUID().toString();
        Response first = ada.request().header(KEY, key).body(workout("Expiring")).post("/api/v1/workouts");
        assertEquals(1, Sql.update("update idempotency_keys set expires_at = now() - interval '1 second' where body = ?",
                first.asString()));

        Response later = ada.request().header(KEY, key).body(workout("Expiring")).post("/api/v1/workouts");

        assertEquals(201, later.statusCode());
        assertNotEquals(first.jsonPath().getLong("id"), later.jsonPath().getLong("id"));
        assertEquals(2, workoutsNamed(ada, "Expiring"));
    }

    /** Posts {@code body} twice under one key; both answers are the same 201, which it returns. */
    private static Response assertRetriedOnce(Supplier<RequestSpecification> as,
                                              String path, Map<String, Object> body) {
        String key = UUID.randomUUID().toString();
        Response first = as.get().header(KEY, key).body(body).post(path);
        assertEquals(201, first.statusCode(), path + ": " + first.asString());
        assertSameAnswer(first, as.get().header(KEY, key).body(body).post(path));
        return first;
    }

    static void assertSameAnswer(Response expected, Response actual) {
        assertEquals(expected.statusCode(), actual.statusCode());
        assertEquals(expected.header("Location"), actual.header("Location"));
        assertEquals(expected.header("ETag"), actual.header("ETag"));
        assertEquals(expected.contentType(), actual.contentType());
        assertEquals(expected.asString(), actual.asString());
    }

    private static Map<String, Object> workout(String name) {
        return Map.of("name", name, "workout_date", "2026-11-01T10:00:00Z");
    }

    private static long workoutsNamed(Account owner, String name) {
        return Sql.count("select count(*) from workouts where user_id = ? and name = ?", owner.id(), name);
    }
}
