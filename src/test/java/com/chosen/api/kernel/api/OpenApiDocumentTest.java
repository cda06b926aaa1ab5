package com.chosen.api.kernel.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The OpenAPI document tells clients every answer, including the errors, and how to log in. */
@QuarkusTest
class OpenApiDocumentTest {

    private static JsonPath document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void declaresBearerAndOAuth2PasswordSecuritySchemes() {
        JsonPath openApi = document();
        org.junit.jupiter.api.Assertions.assertEquals("bearer", openApi.getString("components.securitySchemes.bearer.scheme"));
        org.junit.jupiter.api.Assertions.assertEquals("/api/v1/auth/login",
                openApi.getString("components.securitySchemes.password.flows.password.tokenUrl"));
    }

    @Test
    void everyOperationDocumentsItsProblemResponses() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .body("paths.'/api/v1/workouts/{id}'.put.responses", hasKey("200"))
                .body("paths.'/api/v1/workouts/{id}'.put.responses", hasKey("401"))
                .body("paths.'/api/v1/workouts/{id}'.put.responses", hasKey("403"))
                .body("paths.'/api/v1/workouts/{id}'.put.responses", hasKey("404"))
                .body("paths.'/api/v1/workouts/{id}'.put.responses", hasKey("412"))
                .body("paths.'/api/v1/workouts/{id}'.put.responses", hasKey("422"))
                .body("paths.'/api/v1/workouts/{id}'.put.responses", hasKey("503"))
                .body("paths.'/api/v1/workouts'.get.responses", hasKey("400"))
                .body("paths.'/api/v1/workouts/{id}'.put.responses.'404'.'$ref'", equalTo("#/components/responses/NotFound"))
                .body("paths.'/api/v1/auth/register'.post.responses", hasKey("409"))
                .body("components.responses.NotFound.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("components.schemas.Problem.properties", hasKey("errors"))
                .body("paths.'/api/v1/auth/login'.post.responses.'401'.'$ref'", equalTo("#/components/responses/WrongCredentials"))
                .body("components.responses", hasKey("WrongCredentials"))
                .body("components.schemas.Workout.properties", hasKey("duration_minutes"))
                .body("components.schemas.WorkoutChanges.properties", hasKey("workout_date"))
                .body("paths.'/api/v1/workouts'.post.requestBody", notNullValue());
    }

    @Test
    void securedOperationsAcceptABearerTokenOrThePasswordFlowAndPublicOnesNeither() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .body("paths.'/api/v1/workouts/{id}'.put.security", hasItem(hasKey("bearer")))
                .body("paths.'/api/v1/workouts/{id}'.put.security", hasItem(hasKey("password")))
                .body("paths.'/api/v1/categories'.post.security", hasItem(hasKey("bearer")))
                .body("paths.'/api/v1/users/me'.get.security", hasItem(hasKey("password")))
                .body("paths.'/api/v1/categories'.get.security", nullValue())
                .body("paths.'/api/v1/auth/login'.post.security", nullValue())
                .body("paths.'/api/v1/workouts/{id}'.put.responses.'401'.'$ref'", equalTo("#/components/responses/Unauthorized"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
