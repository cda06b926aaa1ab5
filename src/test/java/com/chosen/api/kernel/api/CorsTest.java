package com.chosen.api.kernel.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A browser app on a configured origin (the test profile sets {@code quarkus.http.cors.origins}, as
 * {@code QUARKUS_HTTP_CORS_ORIGINS} would) may call the API and read the contract's headers.
 */
@QuarkusTest
class CorsTest {

    private static final String APP = "https://app.example.test";

    @Test
    void aPreflightAllowsTheMethodsAndTheHeadersAClientSendsIfMatchIncluded() {
        given().header("Origin", APP)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .options("/api/v1/workouts/1")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", allOf(containsString("If-Match"), containsString("Authorization"),
                        containsString("Content-Type")));
    }

    @Test
    void aCrossOriginAnswerExposesETagLocationTotalCountAndRetryAfterToScripts() {
        Account reader = Accounts.newUser("cors");
        given().header("Origin", APP).auth().oauth2(reader.token()).get("/api/v1/workouts")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", APP)
                .header("X-Total-Count", equalTo("0"))
                .header("Access-Control-Expose-Headers", allOf(containsString("ETag"), containsString("Location"),
                        containsString("X-Total-Count"), containsString("Retry-After")));
    }

    @Test
    void anotherOriginIsNotAllowed() {
        given().header("Origin", "https://elsewhere.example").get("/api/v1/categories")
                .then().header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }
}
