package com.chosen.api.packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/**
 * The features beyond workouts, against the packaged artifact: what they use (enum validation,
 * join-fetched associations, the login throttle's buckets and cache, admin routes) must work in the
 * native executable too.
 */
@QuarkusIntegrationTest
class AdminCatalogAndQuestionnaireIT {

    @Test
    void anAdminBuildsTheCatalogThatAnyoneReads() {
        Account admin = Accounts.newAdmin("curator");
        long category = admin.request().body(Map.of("name", "Roadsters " + System.nanoTime()))
                .post("/api/v1/categories").then().statusCode(201).extract().jsonPath().getLong("id");
        long car = admin.request().body(Map.of("name", "Spider", "category_id", category))
                .post("/api/v1/cars").then().statusCode(201)
                .body("category.id", equalTo((int) category))
                .extract().jsonPath().getLong("id");
        given().get("/api/v1/cars/" + car).then().statusCode(200).body("category.id", equalTo((int) category));
        given().queryParam("category_id", category).get("/api/v1/cars").then().statusCode(200)
                .header("X-Total-Count", "1");
        admin.request().delete("/api/v1/categories/" + category).then().statusCode(409);
        admin.request().body(Map.of("name", "Ghost", "category_id", 999_999_999)).post("/api/v1/cars")
                .then().statusCode(422).body("errors[0].field", equalTo("category_id"));
        Accounts.newUser("visitor").request().body(Map.of("name", "Nope")).post("/api/v1/categories")
                .then().statusCode(403);
    }

    @Test
    void aQuestionnaireIsAnsweredAndAWrongChoiceNamesTheAllowedOnes() {
        Account ada = Accounts.newUser("ada");
        ada.request().body(Map.of("goal", "build_muscle", "experience_level", "beginner", "sessions_per_week", 3))
                .post("/api/v1/questionnaires").then().statusCode(201).body("goal", equalTo("build_muscle"));
        ada.request().body(Map.of("goal", "get_rich", "experience_level", "beginner", "sessions_per_week", 3))
                .post("/api/v1/questionnaires").then().statusCode(422)
                .body("errors[0].field", equalTo("goal"))
                .body("errors[0].message", containsString("lose_weight, build_muscle, improve_endurance, stay_healthy"));
    }

    @Test
    void adminsListUsersAndRoles() {
        Account admin = Accounts.newAdmin("admin");
        Account bob = Accounts.newUser("bob");
        admin.request().get("/api/v1/roles").then().statusCode(200).body("name", hasItem("admin"));
        admin.request().queryParam("limit", 100).get("/api/v1/users").then().statusCode(200)
                .header("X-Total-Count", notNullValue());
        admin.request().body(Map.of("roles", List.of("user", "admin"))).put("/api/v1/users/" + bob.id() + "/roles")
                .then().statusCode(200).body("roles", hasItem("admin"));
        // new roles end bob's session: his token is refused, and the next login carries the new roles
        bob.request().get("/api/v1/roles").then().statusCode(401).header("WWW-Authenticate", notNullValue());
        given().auth().oauth2(Accounts.login(bob.email(), Accounts.PASSWORD)).get("/api/v1/roles").then().statusCode(200);
    }

    @Test
    void repeatedFailedLoginsAreThrottled() {
        Account ada = Accounts.newUser("throttled");
        for (int attempt = 0; attempt < 5; attempt++) {
            given().contentType(ContentType.JSON).body(Map.of("email", ada.email(), "password", "wrong password"))
                    .post("/api/v1/auth/login").then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body(Map.of("email", ada.email(), "password", Accounts.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(429)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json");
    }
}
