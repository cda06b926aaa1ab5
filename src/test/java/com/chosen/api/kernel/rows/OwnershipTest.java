package com.chosen.api.kernel.rows;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Object-level authorization of every owned table, through {@link Ownership}: the same rules, the
 * same tests, for each table. A new owned table is added to {@link OwnedTable} and gets them all.
 */
@QuarkusTest
class OwnershipTest {

    enum OwnedTable {
        WORKOUTS("/api/v1/workouts",
                Map.of("name", "Private", "workout_date", "2026-11-01T10:00:00Z"),
                "name", "Hijacked"),
        QUESTIONNAIRES("/api/v1/questionnaires",
                Map.of("goal", "build_muscle", "experience_level", "beginner", "sessions_per_week", 3),
                "goal", "lose_weight");

        final String path;
        final Map<String, Object> validRow;
        final String field;
        final Object otherValue;

        OwnedTable(String path, Map<String, Object> validRow, String field, Object otherValue) {
            this.path = path;
            this.validRow = validRow;
            this.field = field;
            this.otherValue = otherValue;
        }

        long create(Account owner) {
            return owner.request().body(validRow).post(path).then().statusCode(201).extract().jsonPath().getLong("id");
        }

        String row(long id) {
            return path + "/" + id;
        }

        Map<String, Object> change() {
            return Map.of(field, otherValue);
        }

        /** The row as its owner sees it: body and ETag, to show that a refused request changed nothing. */
        String snapshot(Account owner, long id) {
            ExtractableResponse<Response> read = owner.request().get(row(id)).then().statusCode(200).extract();
            return read.header("ETag") + " " + read.asString();
        }
    }

    @ParameterizedTest
    @EnumSource(OwnedTable.class)
    void aStrangerIsRefusedOnEveryRouteOfAnotherUsersRowsAndNothingChanges(OwnedTable table) {
        Account owner = Accounts.newUser("owner");
        Account stranger = Accounts.newUser("stranger");
        long id = table.create(owner);
        String before = table.snapshot(owner, id);
        String etag = owner.request().get(table.row(id)).then().extract().header("ETag");

        stranger.request().get(table.row(id)).then().statusCode(403).contentType("application/problem+json");
        stranger.request().body(table.change()).put(table.row(id)).then().statusCode(403)
                .contentType("application/problem+json");
        stranger.request().header("If-Match", etag).body(table.change()).put(table.row(id)).then().statusCode(403);
        stranger.request().delete(table.row(id)).then().statusCode(403).contentType("application/problem+json");
        stranger.request().header("If-Match", etag).delete(table.row(id)).then().statusCode(403);
        stranger.request().queryParam("user_id", owner.id()).get(table.path).then().statusCode(403)
                .contentType("application/problem+json");
        stranger.request().get(table.path).then().statusCode(200).header("X-Total-Count", "0").body("$", empty());

        assertEquals(before, table.snapshot(owner, id));
    }

    @ParameterizedTest
    @EnumSource(OwnedTable.class)
    void anAdminMayReadUpdateDeleteAndListAnyUsersRows(OwnedTable table) {
        Account owner = Accounts.newUser("owner");
        Account admin = Accounts.newAdmin("admin");
        long id = table.create(owner);

        admin.request().get(table.row(id)).then().statusCode(200).body("user_id", equalTo((int) owner.id()));
        // without user_id an admin's list is the admin's own, like everyone's
        admin.request().get(table.path).then().statusCode(200).header("X-Total-Count", "0");
        admin.request().queryParam("user_id", owner.id()).get(table.path).then().statusCode(200)
                .header("X-Total-Count", "1").body("id", contains((int) id));
        admin.request().body(table.change()).put(table.row(id)).then().statusCode(200)
                .body(table.field, equalTo(table.otherValue))
                .body("user_id", equalTo((int) owner.id()));
        owner.request().get(table.row(id)).then().statusCode(200).body(table.field, equalTo(table.otherValue));
        admin.request().delete(table.row(id)).then().statusCode(204);
        owner.request().get(table.row(id)).then().statusCode(404);
    }

    @ParameterizedTest
    @EnumSource(OwnedTable.class)
    void theOwnerMayListTheirOwnRowsByNamingThemselves(OwnedTable table) {
        Account owner = Accounts.newUser("owner");
        long id = table.create(owner);
        owner.request().queryParam("user_id", owner.id()).get(table.path).then().statusCode(200)
                .header("X-Total-Count", "1").body("id", contains((int) id));
    }

    /** A body with every field a client may not set, pointing at the victim and their row. */
    private static Map<String, Object> forging(Map<String, Object> body, long victimsRow, Account victim) {
        Map<String, Object> forged = new HashMap<>(body);
        forged.put("id", victimsRow);
        forged.put("user_id", victim.id());
        forged.put("created_at", "2000-01-01T00:00:00Z");
        forged.put("updated_at", "2000-01-01T00:00:00Z");
        forged.put("version", 99);
        return forged;
    }

    @ParameterizedTest
    @EnumSource(OwnedTable.class)
    void fieldsAClientMayNotSetAreIgnoredOnCreateAndUpdate(OwnedTable table) {
        Account mallory = Accounts.newUser("mallory");
        Account victim = Accounts.newUser("victim");
        long victimsRow = table.create(victim);
        String victimsBefore = table.snapshot(victim, victimsRow);

        long id = mallory.request().body(forging(table.validRow, victimsRow, victim)).post(table.path).then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("id", not(equalTo((int) victimsRow)))
                .body("user_id", equalTo((int) mallory.id()))
                .body("created_at", not(equalTo("2000-01-01T00:00:00Z")))
                .body("updated_at", not(equalTo("2000-01-01T00:00:00Z")))
                .extract().jsonPath().getLong("id");

        String createdAt = mallory.request().get(table.row(id)).then().extract().jsonPath().getString("created_at");
        mallory.request().body(forging(table.change(), victimsRow, victim)).put(table.row(id)).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("id", equalTo((int) id))
                .body("user_id", equalTo((int) mallory.id()))
                .body("created_at", equalTo(createdAt))
                .body("updated_at", not(equalTo("2000-01-01T00:00:00Z")))
                .body(table.field, equalTo(table.otherValue));

        victim.request().get(table.path).then().header("X-Total-Count", "1").body("id", contains((int) victimsRow));
        assertEquals(victimsBefore, table.snapshot(victim, victimsRow));
    }
}
