package com.chosen.api.workout;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class WorkoutApiTest {

    private static Map<String, Object> workout(String name, String date) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("workout_date", date);
        return body;
    }

    private static ValidatableResponse create(Account owner, Map<String, Object> body) {
        return owner.request().body(body).post("/api/v1/workouts").then();
    }

    private static long createId(Account owner, String name, String date) {
        return create(owner, workout(name, date)).statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void creatingAnswers201WithLocationETagAndTheCallerAsOwner() {
        Account ada = Accounts.newUser("ada");
        Map<String, Object> body = workout("Morning run 🏃", "2026-11-21T07:30:00+01:00");
        body.put("description", "Easy 5k");
        body.put("duration_minutes", 30);
        body.put("calories_burned", 320.5);
        body.put("user_id", 999_999);
        body.put("id", 1);
        body.put("updated_at", "2000-01-01T00:00:00Z");
        long id = create(ada, body).statusCode(201).extract().jsonPath().getLong("id");
        ada.request().get("/api/v1/workouts/" + id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("user_id", equalTo((int) ada.id()))
                .body("name", equalTo("Morning run 🏃"))
                .body("description", equalTo("Easy 5k"))
                .body("duration_minutes", equalTo(30))
                .body("calories_burned", equalTo(320.5f))
                .body("workout_date", equalTo("2026-11-21T06:30:00Z"))
                .body("created_at", not(equalTo("2000-01-01T00:00:00Z")))
                .body("updated_at", notNullValue());
    }

    @Test
    void theLocationHeaderNamesTheNewWorkout() {
        Account ada = Accounts.newUser("ada");
        var response = create(ada, workout("Swim", "2026-11-01T10:00:00Z")).statusCode(201)
                .header("ETag", "\"0\"").extract();
        long id = response.jsonPath().getLong("id");
        assertEquals(true, response.header("Location").matches("http://localhost:\\d+/api/v1/workouts/" + id));
    }

    @Test
    void fieldRulesAnswer422NamingEachField() {
        Account ada = Accounts.newUser("ada");
        Map<String, Object> body = workout("", "2026-11-01T10:00:00Z");
        body.put("description", "d".repeat(501));
        body.put("duration_minutes", 1441);
        body.put("calories_burned", -1);
        create(ada, body).statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Unprocessable Content"))
                .body("detail", equalTo("Request body is invalid"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("description"))
                .body("errors.field", hasItem("duration_minutes"))
                .body("errors.field", hasItem("calories_burned"))
                .body("errors.find { it.field == 'duration_minutes' }.message", equalTo("must be less than or equal to 1440"));
        Map<String, Object> missing = new HashMap<>();
        missing.put("description", "no name, no date");
        create(ada, missing).statusCode(422).body("errors.field", hasItem("name")).body("errors.field", hasItem("workout_date"));
        create(ada, workout("x".repeat(101), "2026-11-01T10:00:00Z")).statusCode(422).body("errors[0].field", equalTo("name"));
        Map<String, Object> zeroMinutes = workout("Walk", "2026-11-01T10:00:00Z");
        zeroMinutes.put("duration_minutes", 0);
        create(ada, zeroMinutes).statusCode(422).body("errors[0].field", equalTo("duration_minutes"));
    }

    @Test
    void lengthsCountCharactersAndTextIsStoredExactlyAsSent() {
        Account ada = Accounts.newUser("ada");
        // 100 emoji: 100 characters, 200 UTF-16 units
        String hundredEmoji = "🏋".repeat(100);
        long id = create(ada, workout(hundredEmoji, "2026-11-01T10:00:00Z")).statusCode(201)
                .body("name", equalTo(hundredEmoji)).extract().jsonPath().getLong("id");
        ada.request().get("/api/v1/workouts/" + id).then().body("name", equalTo(hundredEmoji));
        create(ada, workout("🏋".repeat(101), "2026-11-01T10:00:00Z")).statusCode(422);
        String exotic = "  Ünïcødé — 日本語 \t spaces  ";
        create(ada, workout(exotic, "2026-11-01T10:00:00Z")).statusCode(201).body("name", equalTo(exotic));
    }

    @Test
    void aNulCharacterIs422NotAServerError() {
        Account ada = Accounts.newUser("ada");
        create(ada, workout("bad\u0000name", "2026-11-01T10:00:00Z")).statusCode(422)
                .body("errors[0].field", equalTo("name"));
        long id = createId(ada, "Good", "2026-11-01T10:00:00Z");
        ada.request().body(Map.of("description", "nul\u0000")).put("/api/v1/workouts/" + id)
                .then().statusCode(422).body("errors[0].field", equalTo("description"));
    }

    @Test
    void wrongJsonTypesAreRejectedWith400NotCoerced() {
        Account ada = Accounts.newUser("ada");
        for (String json : List.of(
                "{\"name\":\"Run\",\"workout_date\":\"2026-11-01T10:00:00Z\",\"duration_minutes\":\"30\"}",
                "{\"name\":\"Run\",\"workout_date\":\"2026-11-01T10:00:00Z\",\"duration_minutes\":30.5}",
                "{\"name\":42,\"workout_date\":\"2026-11-01T10:00:00Z\"}",
                "{\"name\":\"Run\",\"workout_date\":\"2026-11-01T10:00:00\"}",
                "{\"name\":\"Run\",\"workout_date\":1700000000}",
                "{\"name\":\"Run\",\"workout_date\":\"2026-11-01T10:00:00Z\",\"calories_burned\":\"12\"}")) {
            ada.request().body(json).post("/api/v1/workouts").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        ada.request().body("{\"name\":\"Run\",\"workout_date\":\"2026-11-01T10:00:00Z\",\"duration_minutes\":\"30\"}")
                .post("/api/v1/workouts").then().body("errors[0].field", equalTo("duration_minutes"))
                .body("errors[0].message", equalTo("must be an integer"));
    }

    @Test
    void anotherUsersWorkoutIsForbiddenAndAMissingOneNotFound() {
        Account owner = Accounts.newUser("owner");
        Account stranger = Accounts.newUser("stranger");
        long id = createId(owner, "Private", "2026-11-01T10:00:00Z");
        stranger.request().get("/api/v1/workouts/" + id).then().statusCode(403).contentType("application/problem+json");
        stranger.request().body(Map.of("name", "Hijacked")).put("/api/v1/workouts/" + id).then().statusCode(403);
        stranger.request().delete("/api/v1/workouts/" + id).then().statusCode(403);
        owner.request().get("/api/v1/workouts/" + id).then().statusCode(200).body("name", equalTo("Private"));
        owner.request().get("/api/v1/workouts/999999999").then().statusCode(404).contentType("application/problem+json");
        owner.request().body(Map.of("name", "x")).put("/api/v1/workouts/999999999").then().statusCode(404);
        owner.request().delete("/api/v1/workouts/999999999").then().statusCode(404);
    }

    @Test
    void partialUpdateChangesOnlyThePresentFields() {
        Account ada = Accounts.newUser("ada");
        Map<String, Object> body = workout("Run", "2026-11-01T10:00:00Z");
        body.put("description", "Easy");
        body.put("duration_minutes", 30);
        long id = create(ada, body).statusCode(201).extract().jsonPath().getLong("id");
        String createdAt = ada.request().get("/api/v1/workouts/" + id).then().extract().jsonPath().getString("created_at");
        String updatedBefore = ada.request().get("/api/v1/workouts/" + id).then().extract().jsonPath().getString("updated_at");

        ada.request().body(Map.of("duration_minutes", 45)).put("/api/v1/workouts/" + id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo("Run"))
                .body("description", equalTo("Easy"))
                .body("duration_minutes", equalTo(45))
                .body("created_at", equalTo(createdAt))
                .body("updated_at", not(equalTo(updatedBefore)));

        // null clears an optional field
        ada.request().body("{\"description\":null}").put("/api/v1/workouts/" + id).then().statusCode(200)
                .body("description", nullValue()).body("duration_minutes", equalTo(45));
        // null for a required field is refused and changes nothing
        ada.request().body("{\"name\":null,\"duration_minutes\":50}").put("/api/v1/workouts/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("name"));
        ada.request().get("/api/v1/workouts/" + id).then().body("duration_minutes", equalTo(45)).body("name", equalTo("Run"));
        // even an empty update is an update: updated_at moves
        String beforeEmpty = ada.request().get("/api/v1/workouts/" + id).then().extract().jsonPath().getString("updated_at");
        ada.request().body("{}").put("/api/v1/workouts/" + id).then().statusCode(200)
                .body("updated_at", not(equalTo(beforeEmpty)));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        Account ada = Accounts.newUser("ada");
        long id = createId(ada, "Run", "2026-11-01T10:00:00Z");
        String etag = ada.request().get("/api/v1/workouts/" + id).then().extract().header("ETag");
        ada.request().header("If-Match", etag).body(Map.of("name", "First")).put("/api/v1/workouts/" + id)
                .then().statusCode(200);
        ada.request().header("If-Match", etag).body(Map.of("name", "Second")).put("/api/v1/workouts/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        ada.request().header("If-Match", etag).delete("/api/v1/workouts/" + id).then().statusCode(412);
        ada.request().get("/api/v1/workouts/" + id).then().body("name", equalTo("First"));
    }

    @Test
    void deletingAnswers204AndTheWorkoutIsGone() {
        Account ada = Accounts.newUser("ada");
        long id = createId(ada, "Run", "2026-11-01T10:00:00Z");
        ada.request().delete("/api/v1/workouts/" + id).then().statusCode(204);
        ada.request().get("/api/v1/workouts/" + id).then().statusCode(404);
    }

    @Test
    void theListIsTheCallersOwnNewestFirstWithATotalCount() {
        Account ada = Accounts.newUser("ada");
        Account bob = Accounts.newUser("bob");
        long older = createId(ada, "Older", "2026-10-01T10:00:00Z");
        long newest = createId(ada, "Newest", "2026-11-05T10:00:00Z");
        long sameDateLowerId = createId(ada, "Same A", "2026-10-15T10:00:00Z");
        long sameDateHigherId = createId(ada, "Same B", "2026-10-15T10:00:00Z");
        createId(bob, "Bob's", "2026-11-30T10:00:00Z");

        ada.request().get("/api/v1/workouts").then().statusCode(200)
                .header("X-Total-Count", "4")
                .body("id", contains((int) newest, (int) sameDateHigherId, (int) sameDateLowerId, (int) older));
        ada.request().queryParam("skip", 1).queryParam("limit", 2).get("/api/v1/workouts").then()
                .header("X-Total-Count", "4")
                .body("id", contains((int) sameDateHigherId, (int) sameDateLowerId));
        ada.request().queryParam("skip", 10).get("/api/v1/workouts").then()
                .header("X-Total-Count", "4").body("$", empty());
    }

    @Test
    void fromAndToBoundTheWorkoutDateInclusively() {
        Account ada = Accounts.newUser("ada");
        createId(ada, "Before", "2026-10-31T23:59:59Z");
        long first = createId(ada, "First", "2026-11-01T00:00:00Z");
        long last = createId(ada, "Last", "2026-11-30T00:00:00Z");
        createId(ada, "After", "2026-11-30T00:00:01Z");
        ada.request().queryParam("from", "2026-11-01T00:00:00Z").queryParam("to", "2026-11-30T01:00:00+01:00")
                .get("/api/v1/workouts").then().statusCode(200)
                .header("X-Total-Count", "2")
                .body("id", contains((int) last, (int) first));
    }

    @Test
    void malformedOrOutOfRangeListParametersAre400() {
        Account ada = Accounts.newUser("ada");
        for (Map<String, Object> query : List.<Map<String, Object>>of(Map.of("limit", 0), Map.of("limit", 101),
                Map.of("skip", -1), Map.of("skip", "abc"), Map.of("from", "yesterday"), Map.of("user_id", 0))) {
            ada.request().queryParams(query).get("/api/v1/workouts").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        ada.request().get("/api/v1/workouts/abc").then().statusCode(400);
    }

    @Test
    void onlyAnAdminMayListAnotherUsersWorkouts() {
        Account ada = Accounts.newUser("ada");
        Account bob = Accounts.newUser("bob");
        ada.request().queryParam("user_id", bob.id()).get("/api/v1/workouts").then().statusCode(403);
        ada.request().queryParam("user_id", ada.id()).get("/api/v1/workouts").then().statusCode(200);
    }

    @Test
    void concurrentCreatesAreAllKept() throws Exception {
        Account ada = Accounts.newUser("ada");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            IntStream.range(0, 40).forEach(i -> calls.add(CompletableFuture.supplyAsync(() ->
                    create(ada, workout("Parallel " + i, "2026-11-01T10:00:00Z")).extract().statusCode(), pool)));
            for (CompletableFuture<Integer> call : calls) {
                assertEquals(201, call.get());
            }
        } finally {
            pool.shutdown();
        }
        ada.request().get("/api/v1/workouts").then().header("X-Total-Count", "40");
    }

    @Test
    void concurrentPartialUpdatesOfDifferentFieldsAreAllApplied() throws Exception {
        Account ada = Accounts.newUser("ada");
        long id = createId(ada, "Run", "2026-11-01T10:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            calls.add(CompletableFuture.supplyAsync(() -> ada.request().body(Map.of("name", "Renamed"))
                    .put("/api/v1/workouts/" + id).statusCode(), pool));
            calls.add(CompletableFuture.supplyAsync(() -> ada.request().body(Map.of("description", "Described"))
                    .put("/api/v1/workouts/" + id).statusCode(), pool));
            calls.add(CompletableFuture.supplyAsync(() -> ada.request().body(Map.of("duration_minutes", 77))
                    .put("/api/v1/workouts/" + id).statusCode(), pool));
            calls.add(CompletableFuture.supplyAsync(() -> ada.request().body(Map.of("calories_burned", 500))
                    .put("/api/v1/workouts/" + id).statusCode(), pool));
            for (CompletableFuture<Integer> call : calls) {
                assertEquals(200, call.get());
            }
        } finally {
            pool.shutdown();
        }
        ada.request().get("/api/v1/workouts/" + id).then()
                .header("ETag", "\"4\"")
                .body("name", equalTo("Renamed"))
                .body("description", equalTo("Described"))
                .body("duration_minutes", equalTo(77))
                .body("calories_burned", equalTo(500.0f));
    }
}
