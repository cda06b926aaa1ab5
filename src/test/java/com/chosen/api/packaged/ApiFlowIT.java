package com.chosen.api.packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/**
 * The main flows through HTTP against the packaged artifact: the jar in {@code ./mvnw verify}, the
 * native executable with {@code -Dnative}. Everything the native image must have registered
 * (request records, problem details, changelogs, keys) is exercised here.
 */
@QuarkusIntegrationTest
class ApiFlowIT {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void anAccountRegistersLogsInWithJsonOrTheOAuthFormAndReadsItsProfile() {
        Account ada = Accounts.newUser("ada");
        ada.request().get("/api/v1/users/me").then().statusCode(200)
                .body("id", equalTo((int) ada.id()))
                .body("email", equalTo(ada.email()))
                .body("full_name", equalTo("ada"))
                .body("roles", contains("user"))
                .body("created_at", endsWith("Z"))
                .body("$", not(hasKey("password_hash")));
        given().contentType(ContentType.URLENC)
                .formParam("username", ada.email()).formParam("password", Accounts.PASSWORD)
                .post("/api/v1/auth/login")
                .then().statusCode(200)
                .body("token_type", equalTo("bearer"))
                .body("access_token", notNullValue());
        ada.request().body(Map.of("full_name", "Ada Lovelace")).put("/api/v1/users/me")
                .then().statusCode(200).body("full_name", equalTo("Ada Lovelace"));
    }

    @Test
    void aWorkoutIsCreatedListedReadUpdatedUnderIfMatchAndDeleted() {
        Account owner = Accounts.newUser("runner");
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Morning run");
        body.put("description", "Easy 5k");
        body.put("duration_minutes", 30);
        body.put("calories_burned", 320.5);
        body.put("workout_date", "2026-11-21T07:30:00+01:00");
        var created = owner.request().body(body).post("/api/v1/workouts").then().statusCode(201)
                .header("Location", containsString("/api/v1/workouts/"))
                .header("ETag", notNullValue())
                .body("user_id", equalTo((int) owner.id()))
                .body("workout_date", equalTo("2026-11-21T06:30:00Z"))
                .extract();
        long id = created.jsonPath().getLong("id");
        String etag = created.header("ETag");

        owner.request().get("/api/v1/workouts").then().statusCode(200)
                .header("X-Total-Count", "1")
                .body("id", contains((int) id));
        owner.request().get("/api/v1/workouts/" + id).then().statusCode(200)
                .header("ETag", etag)
                .body("name", equalTo("Morning run"));

        Map<String, Object> changes = new HashMap<>();
        changes.put("name", "Evening run");
        changes.put("description", null);
        String newEtag = owner.request().header("If-Match", etag).body(changes).put("/api/v1/workouts/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Evening run"))
                .body("description", nullValue())
                .body("duration_minutes", equalTo(30))
                .header("ETag", not(etag))
                .extract().header("ETag");
        owner.request().header("If-Match", etag).body(Map.of("name", "Lost update")).put("/api/v1/workouts/" + id)
                .then().statusCode(412).contentType(PROBLEM);
        owner.request().get("/api/v1/workouts/" + id).then().statusCode(200)
                .header("ETag", newEtag).body("name", equalTo("Evening run"));

        owner.request().delete("/api/v1/workouts/" + id).then().statusCode(204);
        owner.request().get("/api/v1/workouts/" + id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void anotherUsersWorkoutIsForbidden() {
        Account owner = Accounts.newUser("owner");
        Account other = Accounts.newUser("other");
        long id = owner.request().body(Map.of("name", "Swim", "workout_date", "2026-11-21T07:30:00Z"))
                .post("/api/v1/workouts").then().statusCode(201).extract().jsonPath().getLong("id");
        other.request().get("/api/v1/workouts/" + id).then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void everyErrorIsProblemJson() {
        Account ada = Accounts.newUser("errors");
        ada.request().body("{\"name\": ").post("/api/v1/workouts").then().statusCode(400)
                .contentType(PROBLEM).body("status", equalTo(400)).body("title", equalTo("Bad Request"));
        ada.request().body(Map.of("name", "Run", "workout_date", "2026-11-21T07:30:00Z", "duration_minutes", "30"))
                .post("/api/v1/workouts").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("duration_minutes"));
        ada.request().body(Map.of("name", "Run", "workout_date", "2026-11-21T07:30:00Z", "duration_minutes", 2000))
                .post("/api/v1/workouts").then().statusCode(422)
                .contentType(PROBLEM)
                .body("detail", equalTo("Request body is invalid"))
                .body("errors[0].field", equalTo("duration_minutes"))
                .body("errors[0].message", notNullValue());
        ada.request().contentType(ContentType.TEXT).body("run").post("/api/v1/workouts").then().statusCode(415)
                .contentType(PROBLEM);
        ada.request().get("/api/v1/workouts/not-a-number").then().statusCode(400).contentType(PROBLEM);
        given().get("/api/v1/workouts").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").contentType(PROBLEM);
        given().get("/api/v1/no-such-route").then().statusCode(404).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("email", ada.email(), "password", Accounts.PASSWORD))
                .post("/api/v1/auth/register").then().statusCode(409).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("email", ada.email(), "password", "wrong password"))
                .post("/api/v1/auth/login").then().statusCode(401).contentType(PROBLEM)
                .body("$", not(hasKey("trace")));
    }
}
