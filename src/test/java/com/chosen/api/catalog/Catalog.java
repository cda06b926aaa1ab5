package com.chosen.api.catalog;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.chosen.api.support.Accounts.Account;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Creates catalog rows as an admin, through the API, for the catalog tests. */
final class Catalog {

    private Catalog() {
    }

    /** A name no other test uses; letters only, so that it sorts the same in every collation. */
    static String uniqueName(String name) {
        StringBuilder unique = new StringBuilder(name).append('-');
        ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach(letter -> unique.append((char) letter));
        return unique.toString();
    }

    static long createCategory(Account admin, String name) {
        return admin.request().body(Map.of("name", name)).post("/api/v1/categories")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static Map<String, Object> car(String name, Long categoryId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("category_id", categoryId);
        return body;
    }

    static long createCar(Account admin, String name, Long categoryId) {
        return admin.request().body(car(name, categoryId)).post("/api/v1/cars")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Every page of a public list, read without a token. */
    static List<Map<String, Object>> readAll(String path) {
        List<Map<String, Object>> rows = new ArrayList<>();
        while (true) {
            JsonPath page = given().accept(ContentType.JSON).queryParam("skip", rows.size()).queryParam("limit", 100)
                    .get(path).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("$");
            rows.addAll(items);
            if (items.size() < 100) {
                return rows;
            }
        }
    }
}
