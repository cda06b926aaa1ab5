package com.chosen.api.kernel.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;
import com.chosen.api.support.JsonOperations;
import com.chosen.api.support.JsonOperations.JsonOperation;
import com.chosen.api.support.JsonOperations.StringField;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
    void aBodyOverTheLimitIs413EvenWithoutAContentLength() throws Exception {
        Account ada = Accounts.newUser("ada");
        String huge = "{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"workout_date\":\"2026-11-01T10:00:00Z\"}";
        String hugeForm = "username=" + "x".repeat(70 * 1024) + "&password=guess";
        // chunked over HTTP/1.1, also when the client offers HTTP/2 (h2c), which the service declines
        for (HttpClient.Version version : HttpClient.Version.values()) {
            HttpResponse<String> json = sendOfUnknownLength(version, "/api/v1/workouts", "application/json", huge, ada.token());
            assertEquals(413, json.statusCode(), () -> version + ": " + json.body());
            assertEquals(Problem.MEDIA_TYPE, json.headers().firstValue("Content-Type").orElse(""));
            HttpResponse<String> form = sendOfUnknownLength(version, "/api/v1/auth/login", "application/x-www-form-urlencoded",
                    hugeForm, null);
            assertEquals(413, form.statusCode(), () -> version + ": " + form.body());
            assertEquals(Problem.MEDIA_TYPE, form.headers().firstValue("Content-Type").orElse(""));
        }
    }

    @Test
    void aBodyOfUnknownLengthWithinTheLimitIsRead() throws Exception {
        Account ada = Accounts.newUser("chunked");
        for (HttpClient.Version version : HttpClient.Version.values()) {
            HttpResponse<String> created = sendOfUnknownLength(version, "/api/v1/workouts", "application/json",
                    "{\"name\":\"Streamed\",\"workout_date\":\"2026-11-01T10:00:00Z\"}", ada.token());
            assertEquals(201, created.statusCode(), () -> version + ": " + created.body());
        }
    }

    /** Sends a body without Content-Length, as a streaming client does. */
    private static HttpResponse<String> sendOfUnknownLength(HttpClient.Version version, String path, String contentType,
                                                            String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newBuilder().version(version).build().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyStringFieldOfEveryJsonBodyRefusesTextThatCannotBeStoredAsSent() {
        Account admin = Accounts.newAdmin("unstorable");
        List<JsonOperation> operations = JsonOperations.all();
        assertTrue(operations.size() > 10, () -> "JSON operations found: " + operations);
        // escapes as the client writes them: a lone high or low surrogate, and NUL
        for (String unstorable : List.of("\\ud800", "a\\udc00b", "x\\u0000")) {
            for (JsonOperation operation : operations) {
                for (StringField field : operation.stringFields()) {
                    String value = field.list() ? "[\"" + unstorable + "\"]" : "\"" + unstorable + "\"";
                    isProblem(admin.request().body("{\"" + field.name() + "\":" + value + "}")
                            .request(operation.method(), operation.path()).then(), 422)
                            .body("errors[0].field", startsWith(field.name()));
                }
            }
        }
    }

    @Test
    void aJsonRouteRefusesABodyWithoutAContentTypeWith415AndStoresNothing() throws Exception {
        Account ada = Accounts.newUser("untyped");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (JsonOperation operation : JsonOperations.all()) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + RestAssured.port + operation.path()))
                    .header("Authorization", "Bearer " + ada.token())
                    .method(operation.method().toUpperCase(), HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(415, answer.statusCode(), () -> operation + " answered " + answer.body());
            assertEquals(Problem.MEDIA_TYPE, answer.headers().firstValue("Content-Type").orElse(""));
        }
        HttpResponse<String> untyped = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + "/api/v1/workouts"))
                .header("Authorization", "Bearer " + ada.token())
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Run\",\"workout_date\":\"2026-11-01T10:00:00Z\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, untyped.statusCode());
        ada.request().get("/api/v1/workouts").then().statusCode(200).header("X-Total-Count", "0");
    }

    @Test
    void aMalformedQueryParameterIs400NamingIt() {
        Account ada = Accounts.newUser("query");
        isProblem(ada.request().urlEncodingEnabled(false).get("/api/v1/workouts?limit=1;DROP%20TABLE%20workouts").then(), 400)
                .body("errors[0].field", equalTo("limit"));
        isProblem(ada.request().urlEncodingEnabled(false).get("/api/v1/workouts?limit=1&limit=2").then(), 400)
                .body("errors[0].field", equalTo("limit"));
        isProblem(ada.request().urlEncodingEnabled(false).get("/api/v1/workouts?limit=1abc").then(), 400);
        ada.request().urlEncodingEnabled(false).get("/api/v1/workouts?limit=1&skip=0").then().statusCode(200);
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
