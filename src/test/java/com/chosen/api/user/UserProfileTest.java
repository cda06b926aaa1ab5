package com.chosen.api.user;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;
import com.chosen.api.support.MailServer;
import com.icegreen.greenmail.util.GreenMailUtil;

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
        ada.request().body(Map.of("password", "a brand new passphrase", "current_password", Accounts.PASSWORD)).put("/api/v1/users/me").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("email", ada.email(), "password", Accounts.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(401);
        Accounts.login(ada.email(), "a brand new passphrase");
    }

    @Test
    void aNewPasswordNeedsTheCurrentOneSoThatAStolenTokenAloneCannotTakeTheAccount() {
        Account ada = Accounts.newUser("ada");
        ada.request().body(Map.of("password", "the thief's passphrase")).put("/api/v1/users/me").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("current_password"))
                .body("errors[0].message", equalTo("is required to set a new password"));
        ada.request().body(Map.of("password", "the thief's passphrase", "current_password", "a guess"))
                .put("/api/v1/users/me").then().statusCode(422)
                .body("errors[0].field", equalTo("current_password"))
                .body("errors[0].message", equalTo("is not the account's password"));
        // nothing changed: the password, the session, the name
        ada.request().get("/api/v1/users/me").then().statusCode(200);
        Accounts.login(ada.email(), Accounts.PASSWORD);
        assertEquals(List.of(), MailServer.mailsTo(ada.email()));
    }

    @Test
    void wrongCurrentPasswordsCountAsFailedLoginsOfTheAccount() {
        Account ada = Accounts.newUser("ada");
        for (int i = 0; i < 5; i++) {
            ada.request().body(Map.of("password", "the thief's passphrase", "current_password", "guess " + i))
                    .put("/api/v1/users/me").then().statusCode(422);
        }
        ada.request().body(Map.of("password", "the thief's passphrase", "current_password", "guess 5"))
                .put("/api/v1/users/me").then().statusCode(429).header("Retry-After", notNullValue());
        given().contentType(ContentType.JSON).body(Map.of("email", ada.email(), "password", Accounts.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(429);
    }

    @Test
    void theOwnerIsToldByMailThatThePasswordChanged() {
        Account ada = Accounts.newUser("ada");
        ada.request().body(Map.of("password", "a brand new passphrase", "current_password", Accounts.PASSWORD))
                .put("/api/v1/users/me").then().statusCode(200);
        String notice = GreenMailUtil.getBody(MailServer.awaitMail(ada.email(), "Your Chosen password was changed", 1));
        assertTrue(notice.contains("The password of your Chosen account " + ada.email()), notice);
        assertTrue(notice.contains("was changed at "), notice);
        assertTrue(notice.contains("If it was not you"), notice);
        assertTrue(notice.contains("POST /api/v1/auth/password-reset"), notice);
        assertFalse(notice.contains("a brand new passphrase"), notice);
        // a change of the name alone is no news
        Account bob = Accounts.newUser("bob");
        bob.request().body(Map.of("full_name", "Bob")).put("/api/v1/users/me").then().statusCode(200);
        assertEquals(List.of(), MailServer.mailsTo(bob.email()));
    }

    @Test
    void aCommonBreachedPasswordIsRefusedAsANewPassword() {
        Account ada = Accounts.newUser("ada");
        ada.request().body(Map.of("password", "password1", "current_password", Accounts.PASSWORD))
                .put("/api/v1/users/me").then().statusCode(422)
                .body("errors[0].field", equalTo("password"))
                .body("errors[0].message", startsWith("is one of the most common passwords"));
        Accounts.login(ada.email(), Accounts.PASSWORD);
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
