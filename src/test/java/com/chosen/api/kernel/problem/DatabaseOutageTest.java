package com.chosen.api.kernel.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;
import com.chosen.api.support.PostgresResource;

import io.quarkus.test.junit.QuarkusTest;

/** When PostgreSQL goes away the service answers 503 quickly, and recovers by itself when it is back. */
@QuarkusTest
class DatabaseOutageTest {

    @AfterEach
    void databaseIsBack() {
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
                .contentType("application/problem+json").body("status", equalTo(503));
        ada.request().body(Map.of("name", "During the outage", "workout_date", "2026-11-01T10:00:00Z"))
                .post("/api/v1/workouts").then().statusCode(503);
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 15, "503 must come within seconds");
        given().get("/q/health/ready").then().statusCode(503);
        given().get("/q/health/live").then().statusCode(200);

        PostgresResource.startServer();
        ada.request().get("/api/v1/workouts/" + id).then().statusCode(200).body("name", equalTo("Before the outage"));
        ada.request().get("/api/v1/workouts").then().statusCode(200).header("X-Total-Count", "1");
        given().get("/q/health/ready").then().statusCode(200);
    }
}
