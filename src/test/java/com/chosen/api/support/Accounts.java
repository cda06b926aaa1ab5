package com.chosen.api.support;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Registers and logs in users through the real API, each with a fresh email. */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery staple";

    private Accounts() {
    }

    /** A logged-in account: its id, email and bearer token. */
    public record Account(long id, String email, String token) {

        /** A request made as this account. */
        public RequestSpecification request() {
            return given().auth().oauth2(token).contentType(ContentType.JSON);
        }
    }

    public static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /**
     * A client address of its own (in 10.0.0.0/8, never contacted: it only travels in X-Forwarded-For,
     * which the test profile trusts from the loopback), so that throttle counts of one test meet no other's.
     */
    public static String uniqueAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    public static Account newUser(String name) {
        String email = uniqueEmail(name);
        long id = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD, "full_name", name))
                .post("/api/v1/auth/register")
                .then().statusCode(201)
                .extract().jsonPath().getLong("id");
        return new Account(id, email, login(email, PASSWORD));
    }

    /**
     * A user who also holds the role admin. Granted straight in the database, so that tests of
     * admin-only routes do not depend on the admin API they may be testing.
     */
    public static Account newAdmin(String name) {
        Account user = newUser(name);
        try (Connection db = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
             PreparedStatement grant = db.prepareStatement(
                     "insert into user_roles (user_id, role_id) select ?, id from roles where name = 'admin'")) {
            grant.setLong(1, user.id());
            grant.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // roles travel in the token: log in again to get one that says admin
        return new Account(user.id(), user.email(), login(user.email(), PASSWORD));
    }

    public static String login(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login")
                .then().statusCode(200)
                .extract().jsonPath().getString("access_token");
    }
}
