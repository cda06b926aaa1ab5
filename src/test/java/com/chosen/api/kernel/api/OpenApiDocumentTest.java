package com.chosen.api.kernel.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The OpenAPI document is what most clients know of the API: it must parse and validate as client
 * tools read it, name every operation, and tell every answer (errors and headers included) and how
 * to log in.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static String document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
    }

    private static SwaggerParseResult parsed() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(document(), null, options);
    }

    @Test
    void theDocumentParsesAndValidatesWithoutAMessage() {
        SwaggerParseResult result = parsed();
        assertNotNull(result.getOpenAPI());
        assertEquals(List.of(), result.getMessages());
    }

    @Test
    void everyOperationHasAUniqueReadableIdAndEveryTagADescription() {
        OpenAPI api = parsed().getOpenAPI();
        Set<String> ids = new HashSet<>();
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            assertNotNull(operation.getOperationId(), path);
            assertTrue(operation.getOperationId().matches("[a-z][A-Za-z]+"), operation.getOperationId());
            assertTrue(ids.add(operation.getOperationId()), "twice: " + operation.getOperationId());
        }));
        assertTrue(ids.containsAll(List.of("register", "login", "issueToken", "createWorkout", "listWorkouts",
                "getWorkout", "updateWorkout", "deleteWorkout", "listCars", "getCurrentUser")), ids.toString());
        api.getTags().forEach(tag -> assertNotNull(tag.getDescription(), tag.getName()));
        assertEquals("/", api.getServers().get(0).getUrl());
    }

    @Test
    void publicOperationsSaySoAndSecuredOnesAcceptABearerTokenOrThePasswordFlow() {
        OpenAPI api = parsed().getOpenAPI();
        for (Operation open : List.of(api.getPaths().get("/api/v1/auth/login").getPost(),
                api.getPaths().get("/api/v1/categories").getGet())) {
            assertEquals(List.of(), open.getSecurity());
        }
        Operation secured = api.getPaths().get("/api/v1/workouts/{id}").getPut();
        assertEquals(2, secured.getSecurity().size());
        assertTrue(secured.getSecurity().get(0).containsKey("bearer"));
        assertTrue(secured.getSecurity().get(1).containsKey("password"));
        var password = api.getComponents().getSecuritySchemes().get("password").getFlows().getPassword();
        assertEquals("/api/v1/auth/token", password.getTokenUrl());
        assertNotNull(password.getScopes());
    }

    @Test
    void theJsonLoginAndTheOAuthFormAreTwoOperations() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .body("paths.'/api/v1/auth/login'.post.requestBody.content", hasKey("application/json"))
                .body("paths.'/api/v1/auth/login'.post.requestBody.content", not(hasKey("application/x-www-form-urlencoded")))
                .body("paths.'/api/v1/auth/token'.post.requestBody.content.'application/x-www-form-urlencoded'.schema.required",
                        containsInAnyOrder("grant_type", "username", "password"))
                .body("paths.'/api/v1/auth/token'.post.responses.'401'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/OAuthProblem"));
    }

    @Test
    void everyOperationDocumentsItsProblemResponsesEachWithItsOwnExample() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .body("paths.'/api/v1/workouts/{id}'.put.responses.keySet()",
                        containsInAnyOrder("200", "400", "401", "403", "404", "412", "413", "415", "422", "503", "504"))
                // a read changes nothing: never an unknown outcome
                .body("paths.'/api/v1/workouts/{id}'.get.responses", not(hasKey("504")))
                .body("paths.'/api/v1/workouts'.get.responses.'400'.'$ref'", equalTo("#/components/responses/BadRequest"))
                .body("paths.'/api/v1/auth/register'.post.responses", hasKey("409"))
                .body("paths.'/api/v1/auth/login'.post.responses.'401'.'$ref'", equalTo("#/components/responses/WrongCredentials"))
                // the token form is not JSON: no 422
                .body("paths.'/api/v1/auth/token'.post.responses", not(hasKey("422")))
                // replacing a user's roles takes no If-Match: no 412
                .body("paths.'/api/v1/users/{id}/roles'.put.responses", not(hasKey("412")))
                .body("components.responses.NotFound.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("components.responses.NotFound.content.'application/problem+json'.example.status", equalTo(404))
                .body("components.responses.PreconditionFailed.content.'application/problem+json'.example.status", equalTo(412))
                .body("components.responses.UnprocessableContent.content.'application/problem+json'.example.errors[0].field",
                        equalTo("duration_minutes"))
                .body("components.schemas.Problem.required", containsInAnyOrder("type", "title", "status", "detail"));
    }

    @Test
    void ifMatchIsDescribedOnceAndUsedWhereverItIsHonoured() {
        OpenAPI api = parsed().getOpenAPI();
        assertNotNull(api.getComponents().getParameters().get("If-Match").getDescription());
        List<String> takingIfMatch = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(parameter -> "#/components/parameters/If-Match".equals(parameter.get$ref()))) {
                takingIfMatch.add(method + " " + path);
                assertTrue(operation.getResponses().containsKey("412"), method + " " + path);
            }
        }));
        // (a table added with scripts/AddTable.java adds its own two)
        assertTrue(takingIfMatch.containsAll(List.of("PUT /api/v1/workouts/{id}", "DELETE /api/v1/workouts/{id}",
                "PUT /api/v1/questionnaires/{id}", "DELETE /api/v1/questionnaires/{id}",
                "PUT /api/v1/categories/{id}", "DELETE /api/v1/categories/{id}",
                "PUT /api/v1/cars/{id}", "DELETE /api/v1/cars/{id}")), takingIfMatch.toString());
        assertTrue(takingIfMatch.stream().allMatch(operation -> operation.endsWith("/{id}")), takingIfMatch.toString());
    }

    @Test
    void idempotencyKeyIsDescribedOnceAndTakenByEveryPostThatCreatesARow() {
        OpenAPI api = parsed().getOpenAPI();
        assertNotNull(api.getComponents().getParameters().get("Idempotency-Key").getDescription());
        assertEquals(255, api.getComponents().getParameters().get("Idempotency-Key").getSchema().getMaxLength());
        List<String> takingKey = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(parameter -> "#/components/parameters/Idempotency-Key".equals(parameter.get$ref()))) {
                takingKey.add(method + " " + path);
                assertTrue(operation.getResponses().get("409").get$ref().endsWith("IdempotencyKeyInUse"), method + " " + path);
                assertEquals("#/components/responses/UnprocessableContentOrIdempotencyKeyReused",
                        operation.getResponses().get("422").get$ref(), method + " " + path);
            }
        }));
        // (a table added with scripts/AddTable.java adds its own create)
        assertTrue(takingKey.containsAll(List.of("POST /api/v1/workouts", "POST /api/v1/questionnaires",
                "POST /api/v1/categories", "POST /api/v1/cars", "POST /api/v1/auth/register")), takingKey.toString());
        assertTrue(api.getComponents().getResponses().get("IdempotencyKeyInUse").getHeaders().containsKey("Retry-After"));
        // the unique email of a registration keeps its 409 beside the key's
        assertEquals("#/components/responses/ConflictOrIdempotencyKeyInUse",
                api.getPaths().get("/api/v1/auth/register").getPost().getResponses().get("409").get$ref());
    }

    @Test
    void everyAnswerNamesItsHeaders() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .body("paths.'/api/v1/workouts'.post.responses.'201'.headers.keySet()", containsInAnyOrder("Location", "ETag"))
                .body("paths.'/api/v1/workouts'.get.responses.'200'.headers.keySet()", contains("X-Total-Count"))
                .body("paths.'/api/v1/workouts/{id}'.get.responses.'200'.headers.keySet()", contains("ETag"))
                .body("paths.'/api/v1/cars/{id}'.put.responses.'200'.headers.keySet()", contains("ETag"))
                .body("paths.'/api/v1/auth/register'.post.responses.'201'.headers.keySet()", contains("Location"))
                .body("paths.'/api/v1/users/me'.get.responses.'200'", not(hasKey("headers")))
                .body("components.responses.Unauthorized.headers.keySet()", contains("WWW-Authenticate"))
                .body("components.responses.TooManyRequests.headers.keySet()", contains("Retry-After"))
                .body("components.headers.keySet()",
                        containsInAnyOrder("ETag", "Location", "X-Total-Count", "Retry-After", "WWW-Authenticate"));
    }

    @Test
    void answersListEveryFieldAsRequiredAndMarkTheNullableOnes() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .body("components.schemas.Workout.required", hasItem("description"))
                .body("components.schemas.Workout.required", hasItem("workout_date"))
                .body("components.schemas.Workout.properties.description.type", containsInAnyOrder("string", "null"))
                .body("components.schemas.Workout.properties.name.type", equalTo("string"))
                .body("components.schemas.Car.required", hasItem("category"))
                .body("components.schemas.CategorySummary.required", containsInAnyOrder("id", "name"))
                .body("components.schemas.User.properties.full_name.type", containsInAnyOrder("string", "null"));
    }

    @Test
    void partialUpdatesSayWhichFieldsNullClears() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .body("components.schemas.WorkoutChanges.properties.description.type", containsInAnyOrder("string", "null"))
                .body("components.schemas.WorkoutChanges.properties.duration_minutes.type", containsInAnyOrder("integer", "null"))
                // required fields cannot be cleared: null is a 422
                .body("components.schemas.WorkoutChanges.properties.name.type", equalTo("string"))
                .body("components.schemas.CarChanges.properties.category_id.type", containsInAnyOrder("integer", "null"))
                .body("components.schemas.CarChanges.properties.name.type", equalTo("string"));
    }

    @Test
    void swaggerUiKeepsNoTokenNorPasswordInTheBrowserAndItsAuthorizeDialogHidesTheClientCredentials() {
        // persisted, Swagger UI would write the refresh token and the password to localStorage
        given().get("/q/swagger-ui/").then().statusCode(200)
                .body(containsString("persistAuthorization: false"))
                .body(not(containsString("persistAuthorization: true")))
                .body(containsString("label[for=client_id_password]"))
                .body(containsString("label[for=client_secret_password]"));
    }
}
