package com.chosen.api.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class UserProfileTest {

    @Test
    void meAnswersTheCallersAccountWithoutSecrets() {
        Account ada = Accounts.newUser("ada");
        ada.request().get("/api/v1/users/me").then().statusCode(200)
                .body("id", equalTo((int) ada.id()))
                .body("email", equalTo(ada.email()))
                .body("full_name", equalTo("ada"))
                .body("roles", contains("user"))
                .body("$", not(hasKey("password_hash")))
                .body("$", not(hasKey("password")));
    }

    @Test
    void aPartialUpdateChangesOnlyWhatIsSent() {
        Account ada = Accounts.newUser("ada");
        ada.request().body(Map.of("full_name", "Ada Lovelace")).put("/api/v1/users/me").then().statusCode(200)
                .body("full_name", equalTo("Ada Lovelace")).body("email", equalTo(ada.email()));
        ada.request().body("{}").put("/api/v1/users/me").then().statusCode(200).body("full_name", equalTo("Ada Lovelace"));
        ada.request().body("{\"full_name\":null}").put("/api/v1/users/me").then().statusCode(200)
                .body("full_name", nullValue());
        // email and roles are not the profile's to change
        ada.request().body(Map.of("email", "other@example.com", "roles", java.util.List.of("admin")))
                .put("/api/v1/users/me").then().statusCode(200)
                .body("email", equalTo(ada.email())).body("roles", contains("user"));
    }

    @Test
    void aNewPasswordReplacesTheOldOne() {
        Account ada = Accounts.newUser("ada");
        ada.request().body(Map.of("password", "a brand new passphrase")).put("/api/v1/users/me").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("email", ada.email(), "password", Accounts.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(401);
        Accounts.login(ada.email(), "a brand new passphrase");
    }

    @Test
    void aNullOrShortPasswordIsRefused() {
        Account ada = Accounts.newUser("ada");
        ada.request().body("{\"password\":null}").put("/api/v1/users/me").then().statusCode(422)
                .body("errors[0].field", equalTo("password"));
        ada.request().body(Map.of("password", "short")).put("/api/v1/users/me").then().statusCode(422)
                .body("errors[0].field", equalTo("password"));
        Accounts.login(ada.email(), Accounts.PASSWORD);
    }
}
