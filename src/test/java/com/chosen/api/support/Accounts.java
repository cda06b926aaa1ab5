package com.chosen.api.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

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

    public static Account newUser(String name) {
        String email = uniqueEmail(name);
        long id = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD, "full_name", name))
                .post("/api/v1/auth/register")
                .then().statusCode(201)
                .extract().jsonPath().getLong("id");
        return new Account(id, email, login(email, PASSWORD));
    }

    public static String login(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login")
                .then().statusCode(200)
                .extract().jsonPath().getString("access_token");
    }
}
