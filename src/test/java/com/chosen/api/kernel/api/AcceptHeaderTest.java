package com.chosen.api.kernel.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Generated clients send as Accept what the document lists for an operation: application/json,
 * application/problem+json, or both. No route of the document answers any of them with 406.
 */
@QuarkusTest
class AcceptHeaderTest {

    private static final List<String> ACCEPTS = List.of("application/json", "application/problem+json",
            "application/json, application/problem+json");

    @Test
    void noDocumentedRouteAnswers406ToJsonOrProblemJsonOrBoth() {
        Account admin = Accounts.newAdmin("accept");
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().extract().jsonPath().getMap("paths");
        List<String> refused = new ArrayList<>();
        paths.forEach((path, operations) -> operations.keySet().forEach(method -> {
            String url = path.replace("{id}", "999999999");
            for (String accept : ACCEPTS) {
                var request = given().auth().oauth2(admin.token()).accept(accept);
                if (!method.equals("get") && !method.equals("delete")) {
                    request = url.endsWith("/token") ? request.contentType(ContentType.URLENC).formParam("grant_type", "password")
                            : request.contentType(ContentType.JSON).body("{}");
                }
                int status = request.request(method.toUpperCase(), url).statusCode();
                if (status == 406) {
                    refused.add(method.toUpperCase() + " " + path + " (" + accept + ")");
                }
            }
        }));
        assertEquals(List.of(), refused);
    }

    @Test
    void aDeleteAskedForProblemJsonOnlyAnswers204() {
        Account owner = Accounts.newUser("accept-delete");
        long id = owner.request().body(Map.of("name", "Swim", "workout_date", "2026-11-21T07:30:00Z"))
                .post("/api/v1/workouts").then().statusCode(201).extract().jsonPath().getLong("id");
        owner.request().accept("application/problem+json").delete("/api/v1/workouts/" + id).then().statusCode(204);
    }

    @Test
    void aReadAskedForProblemJsonOnlyAnswersItsJsonAndAnErrorItsProblemJson() {
        Account owner = Accounts.newUser("accept-read");
        owner.request().accept("application/problem+json").get("/api/v1/users/me")
                .then().statusCode(200).contentType(ContentType.JSON);
        JsonPath problem = owner.request().accept("application/json").get("/api/v1/workouts/999999999")
                .then().statusCode(404).contentType("application/problem+json").extract().jsonPath();
        assertNotEquals(0, problem.getInt("status"));
    }
}
