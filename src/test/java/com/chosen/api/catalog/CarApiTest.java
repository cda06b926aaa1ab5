package com.chosen.api.catalog;

import static com.chosen.api.catalog.Catalog.car;
import static com.chosen.api.catalog.Catalog.createCar;
import static com.chosen.api.catalog.Catalog.createCategory;
import static com.chosen.api.catalog.Catalog.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class CarApiTest {

    private static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    private static ValidatableResponse read(long id) {
        return anonymous().get("/api/v1/cars/" + id).then().statusCode(200);
    }

    @Test
    void anyoneMayReadCarsWithoutAToken() {
        Account admin = Accounts.newAdmin("admin");
        long id = createCar(admin, "Open car", null);
        read(id).header("ETag", "\"0\"").body("name", equalTo("Open car"));
        anonymous().queryParam("skip", 0).get("/api/v1/cars").then().statusCode(200)
                .header("X-Total-Count", notNullValue());
        Accounts.newUser("reader").request().get("/api/v1/cars/" + id).then().statusCode(200);
    }

    @Test
    void writesNeedTheAdminRole() {
        Account admin = Accounts.newAdmin("admin");
        Account user = Accounts.newUser("user");
        long id = createCar(admin, "Guarded", null);
        Map<String, Object> body = car("Intruder", null);

        anonymous().body(body).post("/api/v1/cars").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").contentType("application/problem+json");
        anonymous().body(body).put("/api/v1/cars/" + id).then().statusCode(401).header("WWW-Authenticate", "Bearer");
        anonymous().delete("/api/v1/cars/" + id).then().statusCode(401).header("WWW-Authenticate", "Bearer");

        user.request().body(body).post("/api/v1/cars").then().statusCode(403).contentType("application/problem+json");
        user.request().body(body).put("/api/v1/cars/" + id).then().statusCode(403);
        user.request().delete("/api/v1/cars/" + id).then().statusCode(403);
        read(id).header("ETag", "\"0\"").body("name", equalTo("Guarded"));

        admin.request().body(body).post("/api/v1/cars").then().statusCode(201);
        admin.request().body(Map.of("name", "Renamed")).put("/api/v1/cars/" + id).then().statusCode(200);
        admin.request().delete("/api/v1/cars/" + id).then().statusCode(204);
        anonymous().get("/api/v1/cars/" + id).then().statusCode(404);
    }

    @Test
    void creatingAnswers201WithLocationETagAndTheEmbeddedCategory() {
        Account admin = Accounts.newAdmin("admin");
        String categoryName = uniqueName("Hatchback");
        long category = createCategory(admin, categoryName);
        Map<String, Object> body = car("Golf", category);
        body.put("id", 1);
        body.put("created_at", "2000-01-01T00:00:00Z");
        var response = admin.request().body(body).post("/api/v1/cars").then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("name", equalTo("Golf"))
                .body("category_id", equalTo((int) category))
                .body("category.id", equalTo((int) category))
                .body("category.name", equalTo(categoryName))
                .body("created_at", not(equalTo("2000-01-01T00:00:00Z")))
                .body("updated_at", notNullValue())
                .extract();
        long id = response.jsonPath().getLong("id");
        assertEquals(true, response.header("Location").matches("http://localhost:\\d+/api/v1/cars/" + id));

        long bare = createCar(admin, "No category", null);
        read(bare).body("category_id", nullValue()).body("category", nullValue())
                .body("$", org.hamcrest.Matchers.hasKey("category"));
    }

    @Test
    void everyAnswerEmbedsTheCurrentCategory() {
        Account admin = Accounts.newAdmin("admin");
        String firstName = uniqueName("Estate");
        long first = createCategory(admin, firstName);
        long second = createCategory(admin, uniqueName("Wagon"));
        long id = createCar(admin, "Passat", first);

        read(id).body("category.id", equalTo((int) first)).body("category.name", equalTo(firstName));
        anonymous().queryParam("category_id", first).get("/api/v1/cars").then()
                .body("[0].category.name", equalTo(firstName));
        // a change that leaves the category still answers it, loaded afresh
        admin.request().body(Map.of("name", "Passat B8")).put("/api/v1/cars/" + id).then().statusCode(200)
                .body("name", equalTo("Passat B8"))
                .body("category.id", equalTo((int) first))
                .body("category.name", equalTo(firstName));
        String renamed = uniqueName("Kombi");
        admin.request().body(Map.of("name", renamed)).put("/api/v1/categories/" + first).then().statusCode(200);
        read(id).body("category.name", equalTo(renamed));

        String secondName = anonymous().get("/api/v1/categories/" + second).then().extract().jsonPath().getString("name");
        admin.request().body(Map.of("category_id", second)).put("/api/v1/cars/" + id).then().statusCode(200)
                .body("name", equalTo("Passat B8"))
                .body("category_id", equalTo((int) second))
                .body("category.name", equalTo(secondName));
        read(id).body("category.id", equalTo((int) second));
    }

    @Test
    void anUnknownCategoryIs422AndChangesNothing() {
        Account admin = Accounts.newAdmin("admin");
        admin.request().body(car("Phantom", 999_999_999L)).post("/api/v1/cars").then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("Request body is invalid"))
                .body("errors[0].field", equalTo("category_id"))
                .body("errors[0].message", equalTo("category 999999999 does not exist"));
        admin.request().body(car("Zero", 0L)).post("/api/v1/cars").then().statusCode(422)
                .body("errors[0].field", equalTo("category_id"));

        long category = createCategory(admin, uniqueName("Real"));
        long id = createCar(admin, "Kept", category);
        admin.request().body(Map.of("name", "Lost", "category_id", 999_999_999L)).put("/api/v1/cars/" + id).then()
                .statusCode(422).body("errors[0].field", equalTo("category_id"));
        read(id).header("ETag", "\"0\"").body("name", equalTo("Kept")).body("category_id", equalTo((int) category));
        long deleted = createCategory(admin, uniqueName("Gone"));
        admin.request().delete("/api/v1/categories/" + deleted).then().statusCode(204);
        admin.request().body(Map.of("category_id", deleted)).put("/api/v1/cars/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("category_id"));
        // the car is looked up first: a missing car is 404 whatever the body says
        admin.request().body(Map.of("category_id", 999_999_999L)).put("/api/v1/cars/999999999").then().statusCode(404);
    }

    @Test
    void categoryIdNullTakesTheCarOutOfItsCategoryAndAbsentLeavesIt() {
        Account admin = Accounts.newAdmin("admin");
        long category = createCategory(admin, uniqueName("Minivan"));
        long id = createCar(admin, "Sharan", category);

        admin.request().body(Map.of("name", "Sharan II")).put("/api/v1/cars/" + id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("category_id", equalTo((int) category));
        admin.request().body("{\"category_id\":null}").put("/api/v1/cars/" + id).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("name", equalTo("Sharan II"))
                .body("category_id", nullValue())
                .body("category", nullValue());
        read(id).body("category", nullValue());
        admin.request().body("{\"name\":null}").put("/api/v1/cars/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void theCategoryFilterKeepsItsCarsOrderedByIdAndPaged() {
        Account admin = Accounts.newAdmin("admin");
        long category = createCategory(admin, uniqueName("Suv"));
        long other = createCategory(admin, uniqueName("Compact"));
        long first = createCar(admin, "Tiguan", category);
        createCar(admin, "Polo", other);
        long second = createCar(admin, "Touareg", category);
        long third = createCar(admin, "Atlas", category);
        createCar(admin, "Up", null);

        anonymous().queryParam("category_id", category).get("/api/v1/cars").then().statusCode(200)
                .header("X-Total-Count", "3")
                .body("id", contains((int) first, (int) second, (int) third));
        anonymous().queryParam("category_id", category).queryParam("skip", 1).queryParam("limit", 1)
                .get("/api/v1/cars").then().header("X-Total-Count", "3").body("id", contains((int) second));
        anonymous().queryParam("category_id", category).queryParam("skip", 3)
                .get("/api/v1/cars").then().header("X-Total-Count", "3").body("$", empty());
        anonymous().queryParam("category_id", 999_999_999).get("/api/v1/cars").then().statusCode(200)
                .header("X-Total-Count", "0").body("$", empty());
    }

    @Test
    void theUnfilteredListHasEveryCarOrderedById() {
        Account admin = Accounts.newAdmin("admin");
        long category = createCategory(admin, uniqueName("Mixed"));
        long withCategory = createCar(admin, "With", category);
        long without = createCar(admin, "Without", null);

        List<Map<String, Object>> cars = Catalog.readAll("/api/v1/cars");
        List<Long> ids = cars.stream().map(row -> ((Number) row.get("id")).longValue()).toList();
        assertEquals(ids.stream().sorted().toList(), ids);
        int total = Integer.parseInt(anonymous().get("/api/v1/cars").then().extract().header("X-Total-Count"));
        assertEquals(total, ids.size());
        anonymous().queryParam("skip", total - 2).get("/api/v1/cars").then()
                .body("id", contains((int) withCategory, (int) without))
                .body("[0].category.id", equalTo((int) category))
                .body("[1].category", nullValue());
    }

    @Test
    void malformedListParametersAre400() {
        for (Map<String, Object> query : List.<Map<String, Object>>of(Map.of("limit", 0), Map.of("limit", 101),
                Map.of("skip", -1), Map.of("category_id", "abc"), Map.of("category_id", 0))) {
            anonymous().queryParams(query).get("/api/v1/cars").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        anonymous().get("/api/v1/cars/abc").then().statusCode(400);
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        Account admin = Accounts.newAdmin("admin");
        long id = createCar(admin, "Scirocco", null);
        String etag = read(id).extract().header("ETag");
        admin.request().header("If-Match", etag).body(Map.of("name", "First")).put("/api/v1/cars/" + id)
                .then().statusCode(200).header("ETag", "\"1\"");
        admin.request().header("If-Match", etag).body(Map.of("name", "Second")).put("/api/v1/cars/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        admin.request().header("If-Match", etag).delete("/api/v1/cars/" + id).then().statusCode(412);
        read(id).body("name", equalTo("First"));
        admin.request().header("If-Match", "\"1\"").delete("/api/v1/cars/" + id).then().statusCode(204);
    }

    @Test
    void fieldRulesAnswer422NamingEachField() {
        Account admin = Accounts.newAdmin("admin");
        admin.request().body(car("", -1L)).post("/api/v1/cars").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("name", "category_id"));
        admin.request().body(Map.of()).post("/api/v1/cars").then().statusCode(422)
                .body("errors[0].field", equalTo("name"));
        admin.request().body(car("x".repeat(101), null)).post("/api/v1/cars").then().statusCode(422)
                .body("errors[0].field", equalTo("name"));
        admin.request().body("{\"name\":\"Golf\",\"category_id\":\"1\"}").post("/api/v1/cars").then().statusCode(400)
                .body("errors[0].field", equalTo("category_id"));
        long id = createCar(admin, "Valid", null);
        admin.request().body(Map.of("name", "bad\u0000name")).put("/api/v1/cars/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("name"));
        admin.request().body(Map.of("category_id", -5)).put("/api/v1/cars/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("category_id"));
    }

    @Test
    void aMissingCarIs404() {
        Account admin = Accounts.newAdmin("admin");
        anonymous().get("/api/v1/cars/999999999").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Car 999999999 does not exist"));
        admin.request().body(Map.of("name", "Ghost")).put("/api/v1/cars/999999999").then().statusCode(404);
        admin.request().delete("/api/v1/cars/999999999").then().statusCode(404);
    }
}
