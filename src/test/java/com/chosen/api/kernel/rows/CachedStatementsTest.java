package com.chosen.api.kernel.rows;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;
import com.chosen.api.support.Sql;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Each pooled connection keeps the statements it prepared
 * ({@code quarkus.datasource.reactive.cache-prepared-statements}), while the next release's migration
 * may run beside the pods that serve (its init Job): statements prepared before a column was added
 * keep answering, since every statement names its columns.
 */
@QuarkusTest
class CachedStatementsTest {

    // more requests than the pool has connections, so that the statements are cached on several of them
    private static final int ROUNDS = 25;

    @Test
    void statementsCachedBeforeAMigrationAddedAColumnKeepAnswering() {
        Account ada = Accounts.newUser("cached-statements");
        long id = ada.request().body(Map.of("name", "Cached", "workout_date", "2026-11-01T10:00:00Z"))
                .post("/api/v1/workouts").then().statusCode(201).extract().jsonPath().getLong("id");
        readAndWrite(ada, id);

        Sql.update("alter table workouts add column cache_probe text");
        try {
            readAndWrite(ada, id);
        } finally {
            Sql.update("alter table workouts drop column cache_probe");
        }
        readAndWrite(ada, id);
    }

    private static void readAndWrite(Account ada, long id) {
        for (int round = 0; round < ROUNDS; round++) {
            ada.request().get("/api/v1/workouts/" + id).then().statusCode(200).body("name", equalTo("Cached"));
            ada.request().get("/api/v1/workouts").then().statusCode(200).header("X-Total-Count", "1");
            ada.request().body(Map.of("duration_minutes", round + 1)).put("/api/v1/workouts/" + id)
                    .then().statusCode(200).body("duration_minutes", equalTo(round + 1));
        }
    }
}
