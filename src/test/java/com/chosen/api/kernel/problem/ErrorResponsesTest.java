package com.chosen.api.kernel.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Every error, whoever raises it, is RFC 9457 problem+json and never leaks internals. */
@QuarkusTest
class ErrorResponsesTest {

    private static ValidatableResponse isProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("status", equalTo(status))
                .body(allOf(not(containsString("Exception")), not(containsString("at com.")),
                        not(containsString("at io.")), not(containsString("SQL"))));
    }

    @Test
    void anUnknownRouteIs404() {
        isProblem(given().get("/api/v1/no-such-thing").then(), 404).body("title", equalTo("Not Found"));
        isProblem(given().get("/nothing-here").then(), 404);
    }

    @Test
    void aBodyThatIsNotJsonIs400() {
        Account ada = Accounts.newUser("ada");
        isProblem(ada.request().body("{\"name\": ").post("/api/v1/workouts").then(), 400)
                .body("detail", equalTo("Request body is not valid JSON"));
        isProblem(ada.request().body("{\"name\":\"Run\",\"workout_date\":\"2026-11-01T10:00:00Z\"} trailing")
                .post("/api/v1/workouts").then(), 400);
        isProblem(ada.request().body("{\"name\":\"Run\",\"name\":\"Twice\",\"workout_date\":\"2026-11-01T10:00:00Z\"}")
                .post("/api/v1/workouts").then(), 400);
        isProblem(ada.request().body("{\"name\":\"Run\",/* comment */\"workout_date\":\"2026-11-01T10:00:00Z\"}")
                .post("/api/v1/workouts").then(), 400);
        isProblem(ada.request().body("{\"name\":\"Run\",\"workout_date\":\"2026-11-01T10:00:00Z\",\"calories_burned\":NaN}")
                .post("/api/v1/workouts").then(), 400);
    }

    @Test
    void aMissingBodyIs400() {
        Account ada = Accounts.newUser("ada");
        isProblem(ada.request().post("/api/v1/workouts").then(), 400).body("detail", equalTo("A JSON request body is required"));
    }

    @Test
    void aBodyThatIsNotJsonMediaTypeIs415() {
        Account ada = Accounts.newUser("ada");
        isProblem(given().auth().oauth2(ada.token()).contentType(ContentType.TEXT).body("name=Run")
                .post("/api/v1/workouts").then(), 415);
        isProblem(given().contentType(ContentType.XML).body("<email/>").post("/api/v1/auth/register").then(), 415);
    }

    @Test
    void aBodyOverTheLimitIs413() {
        Account ada = Accounts.newUser("ada");
        String huge = "{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"workout_date\":\"2026-11-01T10:00:00Z\"}";
        isProblem(ada.request().body(huge).post("/api/v1/workouts").then(), 413);
    }

    @Test
    void aWrongMethodIs405() {
        isProblem(given().contentType(ContentType.JSON).body(Map.of()).delete("/api/v1/auth/login").then(), 405);
    }

    @Test
    void docsRedirectToSwaggerUi() {
        given().redirects().follow(false).get("/docs").then().statusCode(302)
                .header("Location", containsString("/q/swagger-ui"));
    }
}
