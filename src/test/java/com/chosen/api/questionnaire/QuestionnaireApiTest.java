package com.chosen.api.questionnaire;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.chosen.api.kernel.request.OneOf;
import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class QuestionnaireApiTest {

    private static final String QUESTIONNAIRES = "/api/v1/questionnaires";

    private static Map<String, Object> questionnaire(String goal, String level, int sessionsPerWeek) {
        Map<String, Object> body = new HashMap<>();
        body.put("goal", goal);
        body.put("experience_level", level);
        body.put("sessions_per_week", sessionsPerWeek);
        return body;
    }

    private static ValidatableResponse create(Account owner, Map<String, Object> body) {
        return owner.request().body(body).post(QUESTIONNAIRES).then();
    }

    private static long createId(Account owner) {
        return create(owner, questionnaire("build_muscle", "beginner", 3)).statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    @Test
    void creatingAnswers201WithLocationETagAndTheCallerAsOwner() {
        Account ada = Accounts.newUser("ada");
        Map<String, Object> body = questionnaire("lose_weight", "intermediate", 4);
        body.put("minutes_per_session", 45);
        body.put("injuries", "Sore left knee — 膝");
        var created = create(ada, body).statusCode(201).header("ETag", "\"0\"").extract();
        long id = created.jsonPath().getLong("id");
        assertTrue(created.header("Location").matches("http://localhost:\\d+/api/v1/questionnaires/" + id));
        ada.request().get(QUESTIONNAIRES + "/" + id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("user_id", equalTo((int) ada.id()))
                .body("goal", equalTo("lose_weight"))
                .body("experience_level", equalTo("intermediate"))
                .body("sessions_per_week", equalTo(4))
                .body("minutes_per_session", equalTo(45))
                .body("injuries", equalTo("Sore left knee — 膝"))
                .body("created_at", notNullValue())
                .body("updated_at", equalTo(created.jsonPath().getString("created_at")));
    }

    @Test
    void everyGoalAndExperienceLevelIsAccepted() {
        Account ada = Accounts.newUser("ada");
        for (String goal : List.of("lose_weight", "build_muscle", "improve_endurance", "stay_healthy")) {
            for (String level : List.of("beginner", "intermediate", "advanced")) {
                create(ada, questionnaire(goal, level, 2)).statusCode(201)
                        .body("goal", equalTo(goal)).body("experience_level", equalTo(level));
            }
        }
    }

    @Test
    void aValueOutsideAnEnumIs422NamingTheAllowedValues() {
        Account ada = Accounts.newUser("ada");
        create(ada, questionnaire("get_rich", "beginner", 3)).statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("goal"))
                .body("errors[0].message",
                        equalTo("must be one of: lose_weight, build_muscle, improve_endurance, stay_healthy"));
        // the wire values are lower case: the Java constant names are not accepted
        create(ada, questionnaire("build_muscle", "EXPERT", 3)).statusCode(422)
                .body("errors[0].field", equalTo("experience_level"))
                .body("errors[0].message", equalTo("must be one of: beginner, intermediate, advanced"));
        create(ada, questionnaire("BUILD_MUSCLE", "beginner", 3)).statusCode(422)
                .body("errors[0].field", equalTo("goal"));
        long id = createId(ada);
        ada.request().body(Map.of("experience_level", "guru")).put(QUESTIONNAIRES + "/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("experience_level"))
                .body("errors[0].message", equalTo("must be one of: beginner, intermediate, advanced"));
    }

    @Test
    void fieldRulesAnswer422NamingEachField() {
        Account ada = Accounts.newUser("ada");
        Map<String, Object> body = questionnaire("stay_healthy", "advanced", 15);
        body.put("minutes_per_session", 4);
        body.put("injuries", "i".repeat(501));
        create(ada, body).statusCode(422)
                .body("detail", equalTo("Request body is invalid"))
                .body("errors.field", hasItem("sessions_per_week"))
                .body("errors.field", hasItem("minutes_per_session"))
                .body("errors.field", hasItem("injuries"))
                .body("errors.find { it.field == 'sessions_per_week' }.message", equalTo("must be less than or equal to 14"));
        create(ada, questionnaire("stay_healthy", "advanced", 0)).statusCode(422)
                .body("errors[0].field", equalTo("sessions_per_week"));
        Map<String, Object> tooLong = questionnaire("stay_healthy", "advanced", 3);
        tooLong.put("minutes_per_session", 301);
        create(ada, tooLong).statusCode(422).body("errors[0].field", equalTo("minutes_per_session"));
        create(ada, new HashMap<>()).statusCode(422)
                .body("errors.field", hasItem("goal"))
                .body("errors.field", hasItem("experience_level"))
                .body("errors.field", hasItem("sessions_per_week"));
        Map<String, Object> nul = questionnaire("stay_healthy", "advanced", 3);
        nul.put("injuries", "knee\u0000");
        create(ada, nul).statusCode(422).body("errors[0].field", equalTo("injuries"));
    }

    @Test
    void wrongJsonTypesAreRejectedWith400NotCoerced() {
        Account ada = Accounts.newUser("ada");
        for (String json : List.of(
                "{\"goal\":\"lose_weight\",\"experience_level\":\"beginner\",\"sessions_per_week\":\"3\"}",
                "{\"goal\":\"lose_weight\",\"experience_level\":\"beginner\",\"sessions_per_week\":3.5}",
                "{\"goal\":1,\"experience_level\":\"beginner\",\"sessions_per_week\":3}",
                "{\"goal\":\"lose_weight\",\"experience_level\":[\"beginner\"],\"sessions_per_week\":3}")) {
            ada.request().body(json).post(QUESTIONNAIRES).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void partialUpdateChangesOnlyThePresentFieldsAndNullClearsOnlyOptionalOnes() {
        Account ada = Accounts.newUser("ada");
        Map<String, Object> body = questionnaire("build_muscle", "beginner", 3);
        body.put("minutes_per_session", 60);
        body.put("injuries", "Wrist");
        long id = create(ada, body).statusCode(201).extract().jsonPath().getLong("id");
        JsonPath before = ada.request().get(QUESTIONNAIRES + "/" + id).then().extract().jsonPath();

        ada.request().body(Map.of("goal", "improve_endurance")).put(QUESTIONNAIRES + "/" + id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("goal", equalTo("improve_endurance"))
                .body("experience_level", equalTo("beginner"))
                .body("sessions_per_week", equalTo(3))
                .body("minutes_per_session", equalTo(60))
                .body("injuries", equalTo("Wrist"))
                .body("created_at", equalTo(before.getString("created_at")))
                .body("updated_at", not(equalTo(before.getString("updated_at"))));

        ada.request().body("{\"injuries\":null,\"minutes_per_session\":null}").put(QUESTIONNAIRES + "/" + id).then()
                .statusCode(200).body("injuries", nullValue()).body("minutes_per_session", nullValue());

        for (String required : List.of("goal", "experience_level", "sessions_per_week")) {
            ada.request().body("{\"" + required + "\":null,\"injuries\":\"Back\"}").put(QUESTIONNAIRES + "/" + id)
                    .then().statusCode(422).body("errors[0].field", equalTo(required));
        }
        ada.request().get(QUESTIONNAIRES + "/" + id).then().header("ETag", "\"2\"")
                .body("injuries", nullValue()).body("goal", equalTo("improve_endurance"));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        Account ada = Accounts.newUser("ada");
        long id = createId(ada);
        String etag = ada.request().get(QUESTIONNAIRES + "/" + id).then().extract().header("ETag");
        ada.request().header("If-Match", etag).body(Map.of("sessions_per_week", 5)).put(QUESTIONNAIRES + "/" + id)
                .then().statusCode(200);
        ada.request().header("If-Match", etag).body(Map.of("sessions_per_week", 6)).put(QUESTIONNAIRES + "/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        ada.request().header("If-Match", etag).delete(QUESTIONNAIRES + "/" + id).then().statusCode(412);
        ada.request().get(QUESTIONNAIRES + "/" + id).then().statusCode(200).body("sessions_per_week", equalTo(5));
    }

    @Test
    void deletingAnswers204AndAMissingQuestionnaireIs404() {
        Account ada = Accounts.newUser("ada");
        long id = createId(ada);
        ada.request().delete(QUESTIONNAIRES + "/" + id).then().statusCode(204);
        ada.request().get(QUESTIONNAIRES + "/" + id).then().statusCode(404).contentType("application/problem+json");
        ada.request().body(Map.of("sessions_per_week", 2)).put(QUESTIONNAIRES + "/" + id).then().statusCode(404);
        ada.request().delete(QUESTIONNAIRES + "/" + id).then().statusCode(404);
    }

    @Test
    void theListIsTheCallersOwnNewestFirstWithATotalCount() {
        Account ada = Accounts.newUser("ada");
        Account bob = Accounts.newUser("bob");
        long first = createId(ada);
        long second = createId(ada);
        long third = createId(ada);
        createId(bob);

        ada.request().get(QUESTIONNAIRES).then().statusCode(200)
                .header("X-Total-Count", "3")
                .body("id", contains((int) third, (int) second, (int) first));
        ada.request().queryParam("skip", 1).queryParam("limit", 1).get(QUESTIONNAIRES).then()
                .header("X-Total-Count", "3").body("id", contains((int) second));
        ada.request().queryParam("skip", 5).get(QUESTIONNAIRES).then()
                .header("X-Total-Count", "3").body("$", empty());
        for (Map<String, Object> query : List.<Map<String, Object>>of(Map.of("limit", 0), Map.of("limit", 101),
                Map.of("skip", -1), Map.of("user_id", "me"))) {
            ada.request().queryParams(query).get(QUESTIONNAIRES).then().statusCode(400);
        }
    }

    @Test
    void theOpenApiDocumentListsTheValuesTheValidationAllows() {
        JsonPath schemas = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().setRootPath("components.schemas");
        assertEquals(OneOf.Validator.valuesOf(Goal.class), schemas.getList("Goal.enum"));
        assertEquals(OneOf.Validator.valuesOf(ExperienceLevel.class), schemas.getList("ExperienceLevel.enum"));
        for (String schema : List.of("NewQuestionnaire", "QuestionnaireChanges", "Questionnaire")) {
            assertEquals("#/components/schemas/Goal", schemas.getString(schema + ".properties.goal.$ref"), schema);
        }
        assertTrue(schemas.getList("NewQuestionnaire.required").contains("goal"));
    }
}
