package com.chosen.api.catalog;

import static com.chosen.api.catalog.Catalog.createCar;
import static com.chosen.api.catalog.Catalog.createCategory;
import static com.chosen.api.catalog.Catalog.uniqueName;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class CategoryApiTest {

    private static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    @Test
    void anyoneMayReadCategoriesWithoutAToken() {
        Account admin = Accounts.newAdmin("admin");
        String name = uniqueName("Open");
        long id = createCategory(admin, name);
        anonymous().get("/api/v1/categories/" + id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("name", equalTo(name));
        anonymous().get("/api/v1/categories").then().statusCode(200)
                .header("X-Total-Count", notNullValue())
                .body("id", hasItem((int) id));
        Accounts.newUser("reader").request().get("/api/v1/categories/" + id).then().statusCode(200);
    }

    @Test
    void writesNeedTheAdminRole() {
        Account admin = Accounts.newAdmin("admin");
        Account user = Accounts.newUser("user");
        long id = createCategory(admin, uniqueName("Guarded"));
        Map<String, Object> body = Map.of("name", uniqueName("Intruder"));

        anonymous().body(body).post("/api/v1/categories").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").contentType("application/problem+json");
        anonymous().body(body).put("/api/v1/categories/" + id).then().statusCode(401).header("WWW-Authenticate", "Bearer");
        anonymous().delete("/api/v1/categories/" + id).then().statusCode(401).header("WWW-Authenticate", "Bearer");

        user.request().body(body).post("/api/v1/categories").then().statusCode(403).contentType("application/problem+json");
        user.request().body(body).put("/api/v1/categories/" + id).then().statusCode(403);
        user.request().delete("/api/v1/categories/" + id).then().statusCode(403);
        anonymous().get("/api/v1/categories/" + id).then().statusCode(200).header("ETag", "\"0\"");

        admin.request().body(body).post("/api/v1/categories").then().statusCode(201);
        admin.request().body(Map.of("description", "by an admin")).put("/api/v1/categories/" + id).then().statusCode(200);
        admin.request().delete("/api/v1/categories/" + id).then().statusCode(204);
        anonymous().get("/api/v1/categories/" + id).then().statusCode(404);
    }

    @Test
    void theOpenApiDocumentAsksForATokenOnCatalogWritesOnly() {
        JsonPath openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        for (String resource : List.of("/api/v1/categories", "/api/v1/cars")) {
            String item = "paths.'" + resource + "/{id}'";
            // public reads say so: an empty list of requirements
            assertEquals(List.of(), openApi.getList("paths.'" + resource + "'.get.security"), resource);
            assertEquals(List.of(), openApi.getList(item + ".get.security"), resource);
            for (String write : List.of("paths.'" + resource + "'.post", item + ".put", item + ".delete")) {
                assertEquals(List.of("bearer", "password"),
                        openApi.getList(write + ".security.collect { it.keySet() }.flatten()"), write);
            }
        }
    }

    @Test
    void creatingAnswers201WithLocationETagAndServerSetFields() {
        Account admin = Accounts.newAdmin("admin");
        String name = uniqueName("Sedan 🚗");
        var response = admin.request()
                .body(Map.of("name", name, "description", "Four doors", "id", 1, "created_at", "2000-01-01T00:00:00Z"))
                .post("/api/v1/categories").then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("name", equalTo(name))
                .body("description", equalTo("Four doors"))
                .body("created_at", not(equalTo("2000-01-01T00:00:00Z")))
                .body("updated_at", notNullValue())
                .extract();
        long id = response.jsonPath().getLong("id");
        assertEquals(true, response.header("Location").matches("http://localhost:\\d+/api/v1/categories/" + id));
        anonymous().get("/api/v1/categories/" + id).then().body("description", equalTo("Four doors"));
    }

    @Test
    void aNameTakenInAnotherCaseIs409() {
        Account admin = Accounts.newAdmin("admin");
        String name = uniqueName("Coupe");
        long first = createCategory(admin, name);
        admin.request().body(Map.of("name", name.toUpperCase())).post("/api/v1/categories").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(name.toUpperCase()));

        long second = createCategory(admin, uniqueName("Roadster"));
        admin.request().body(Map.of("name", name.toLowerCase())).put("/api/v1/categories/" + second).then().statusCode(409)
                .body("detail", containsString("unique regardless of case"));
        // a category may change the case of its own name
        admin.request().body(Map.of("name", name.toUpperCase())).put("/api/v1/categories/" + first).then().statusCode(200)
                .body("name", equalTo(name.toUpperCase()));
    }

    @Test
    void concurrentCreatesOfOneNameInDifferentCasesLeaveExactlyOne() throws Exception {
        Account admin = Accounts.newAdmin("admin");
        String name = uniqueName("Race");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (String variant : List.of(name, name.toUpperCase(), name.toLowerCase(), "RACE" + name.substring(4),
                    name, name.toUpperCase())) {
                calls.add(CompletableFuture.supplyAsync(() -> admin.request().body(Map.of("name", variant))
                        .post("/api/v1/categories").statusCode(), pool));
            }
            for (CompletableFuture<Integer> call : calls) {
                statuses.add(call.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
    }

    @Test
    void deletingACategoryThatStillHasCarsIs409AndKeepsIt() {
        Account admin = Accounts.newAdmin("admin");
        long category = createCategory(admin, uniqueName("Busy"));
        long car = createCar(admin, "Beetle", category);
        admin.request().delete("/api/v1/categories/" + category).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("Category " + category + " still has cars; move or delete them first"));
        anonymous().get("/api/v1/categories/" + category).then().statusCode(200);
        anonymous().get("/api/v1/cars/" + car).then().body("category_id", equalTo((int) category));

        admin.request().body("{\"category_id\":null}").put("/api/v1/cars/" + car).then().statusCode(200);
        admin.request().delete("/api/v1/categories/" + category).then().statusCode(204);
        anonymous().get("/api/v1/categories/" + category).then().statusCode(404);
    }

    @Test
    void theListIsOrderedByNameRegardlessOfCaseAndPaged() {
        Account admin = Accounts.newAdmin("admin");
        String prefix = uniqueName("Order");
        long zeta = createCategory(admin, prefix + " zeta");
        long alpha = createCategory(admin, prefix + " Alpha");
        long beta = createCategory(admin, prefix + " beta");

        List<Long> mine = Catalog.readAll("/api/v1/categories").stream()
                .filter(row -> ((String) row.get("name")).startsWith(prefix))
                .map(row -> ((Number) row.get("id")).longValue())
                .toList();
        assertEquals(List.of(alpha, beta, zeta), mine);

        int total = Integer.parseInt(anonymous().get("/api/v1/categories").then().extract().header("X-Total-Count"));
        anonymous().queryParam("skip", 1).queryParam("limit", 1).get("/api/v1/categories").then().statusCode(200)
                .header("X-Total-Count", String.valueOf(total))
                .body("size()", equalTo(1));
        anonymous().queryParam("skip", total).get("/api/v1/categories").then().statusCode(200)
                .header("X-Total-Count", String.valueOf(total))
                .body("size()", equalTo(0));
        for (Map<String, Object> query : List.<Map<String, Object>>of(Map.of("limit", 0), Map.of("limit", 101),
                Map.of("skip", -1), Map.of("skip", "abc"))) {
            anonymous().queryParams(query).get("/api/v1/categories").then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void partialUpdateChangesOnlyThePresentFields() {
        Account admin = Accounts.newAdmin("admin");
        String name = uniqueName("Van");
        long id = admin.request().body(Map.of("name", name, "description", "Boxy")).post("/api/v1/categories")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String updatedBefore = anonymous().get("/api/v1/categories/" + id).then().extract().jsonPath().getString("updated_at");

        admin.request().body(Map.of("description", "Roomy")).put("/api/v1/categories/" + id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo(name))
                .body("description", equalTo("Roomy"))
                .body("updated_at", not(equalTo(updatedBefore)));
        admin.request().body("{\"description\":null}").put("/api/v1/categories/" + id).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("description", nullValue())
                .body("name", equalTo(name));
        admin.request().body("{\"name\":null,\"description\":\"lost\"}").put("/api/v1/categories/" + id).then()
                .statusCode(422).body("errors[0].field", equalTo("name"));
        anonymous().get("/api/v1/categories/" + id).then().header("ETag", "\"2\"").body("description", nullValue());
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        Account admin = Accounts.newAdmin("admin");
        long id = createCategory(admin, uniqueName("Pickup"));
        String etag = anonymous().get("/api/v1/categories/" + id).then().extract().header("ETag");
        admin.request().header("If-Match", etag).body(Map.of("description", "first")).put("/api/v1/categories/" + id)
                .then().statusCode(200).header("ETag", "\"1\"");
        admin.request().header("If-Match", etag).body(Map.of("description", "second")).put("/api/v1/categories/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        admin.request().header("If-Match", etag).delete("/api/v1/categories/" + id).then().statusCode(412);
        anonymous().get("/api/v1/categories/" + id).then().statusCode(200).body("description", equalTo("first"));
        admin.request().header("If-Match", "\"1\"").delete("/api/v1/categories/" + id).then().statusCode(204);
    }

    @Test
    void fieldRulesAnswer422NamingEachField() {
        Account admin = Accounts.newAdmin("admin");
        admin.request().body(Map.of("name", "", "description", "d".repeat(501))).post("/api/v1/categories").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", equalTo("Request body is invalid"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("description"));
        admin.request().body(Map.of("description", "no name")).post("/api/v1/categories").then().statusCode(422)
                .body("errors[0].field", equalTo("name"));
        admin.request().body(Map.of("name", "x".repeat(101))).post("/api/v1/categories").then().statusCode(422)
                .body("errors[0].field", equalTo("name"));
        admin.request().body(Map.of("name", "nul\u0000")).post("/api/v1/categories").then().statusCode(422)
                .body("errors[0].field", equalTo("name"));
        admin.request().body("{\"name\":42}").post("/api/v1/categories").then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        long id = createCategory(admin, uniqueName("Valid"));
        admin.request().body(Map.of("description", "d".repeat(501))).put("/api/v1/categories/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("description"));
        // 8 letters and 92 emoji are 100 characters
        String hundred = uniqueName("").substring(1) + "🏁".repeat(92);
        admin.request().body(Map.of("name", hundred)).post("/api/v1/categories").then().statusCode(201)
                .body("name", equalTo(hundred));
    }

    @Test
    void aMissingCategoryIs404AndAMalformedIdIs400() {
        Account admin = Accounts.newAdmin("admin");
        anonymous().get("/api/v1/categories/999999999").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Category 999999999 does not exist"));
        admin.request().body(Map.of("name", uniqueName("Ghost"))).put("/api/v1/categories/999999999").then().statusCode(404);
        admin.request().delete("/api/v1/categories/999999999").then().statusCode(404);
        anonymous().get("/api/v1/categories/abc").then().statusCode(400);
    }
}
