package com.chosen.api.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;
import com.chosen.api.support.MailServer;
import com.chosen.api.support.Sql;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * A forgotten password: a code by mail (through a real SMTP server), then the code and a new
 * password. Asking tells nothing about which emails have accounts; a code works once, for 15
 * minutes, and wrong ones are throttled.
 */
@QuarkusTest
class PasswordResetTest {

    private static final String NEW_PASSWORD = "a new horse battery staple";
    private static final int MAX_WRONG_CODES = 5;

    private static ValidatableResponse requestReset(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email))
                .post("/api/v1/auth/password-reset").then();
    }

    private static ValidatableResponse confirm(String email, String code, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "code", code, "password", password))
                .post("/api/v1/auth/password-reset/confirm").then();
    }

    /** As a client at {@code clientAddress} would, behind the proxy the test profile trusts. */
    private static ValidatableResponse confirmFrom(String clientAddress, String email, String code, String password) {
        return given().header("X-Forwarded-For", clientAddress).contentType(ContentType.JSON)
                .body(Map.of("email", email, "code", code, "password", password))
                .post("/api/v1/auth/password-reset/confirm").then();
    }

    private static void wrongCode(ValidatableResponse answer) {
        answer.statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].message", equalTo("is wrong, has expired or was already used"));
    }

    private static int login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").statusCode();
    }

    @Test
    void theCodeFromTheMailSetsANewPasswordAndEndsEverySessionOfTheAccount() {
        Account ada = Accounts.newUser("ada");
        String refreshToken = given().contentType(ContentType.JSON)
                .body(Map.of("email", ada.email(), "password", Accounts.PASSWORD)).post("/api/v1/auth/login")
                .then().statusCode(200).extract().jsonPath().getString("refresh_token");

        requestReset(ada.email().toUpperCase()).statusCode(202).body(emptyString());
        var mail = MailServer.awaitMail(ada.email(), 1);
        String code = MailServer.awaitResetCode(ada.email(), 1);
        assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"), code);
        assertTrue(GreenMailUtil.getBody(mail).contains("15 minutes"), GreenMailUtil.getBody(mail));

        // as typed by a person: lower-case, without dashes
        confirm(ada.email(), code.toLowerCase().replace("-", ""), NEW_PASSWORD).statusCode(204);

        assertEquals(200, login(ada.email(), NEW_PASSWORD));
        assertEquals(401, login(ada.email(), Accounts.PASSWORD));
        // every token issued before the reset is refused
        ada.request().get("/api/v1/users/me").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", refreshToken))
                .post("/api/v1/auth/refresh").then().statusCode(401);
    }

    @Test
    void theOwnerIsToldByMailThatAResetChangedThePassword() {
        Account ada = Accounts.newUser("ada");
        requestReset(ada.email()).statusCode(202);
        confirm(ada.email(), MailServer.awaitResetCode(ada.email(), 1), NEW_PASSWORD).statusCode(204);
        String notice = GreenMailUtil.getBody(MailServer.awaitMail(ada.email(), "Your Chosen password was changed", 1));
        assertTrue(notice.contains("with a password-reset code mailed to this address"), notice);
        assertTrue(notice.contains("If it was not you"), notice);
        assertFalse(notice.contains(NEW_PASSWORD), notice);
    }

    @Test
    void anUnknownEmailIsAnsweredTheSameWayInAboutTheSameTimeAndGetsNoMail() {
        // every email only once: the mail limit must not make one path cheaper than the other
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            known.add(Accounts.newUser("known").email());
            unknown.add(Accounts.uniqueEmail("unknown"));
        }
        String knownAnswer = requestReset(known.get(0)).statusCode(202).extract().asString();
        String unknownAnswer = requestReset(unknown.get(0)).statusCode(202).extract().asString();
        assertEquals(knownAnswer, unknownAnswer);

        List<Long> knownNanos = new ArrayList<>();
        List<Long> unknownNanos = new ArrayList<>();
        for (int i = 1; i < known.size(); i++) {
            knownNanos.add(timed(known.get(i)));
            unknownNanos.add(timed(unknown.get(i)));
        }
        double ratio = (double) median(knownNanos) / median(unknownNanos);
        System.out.printf("password-reset request, median: known %.2f ms, unknown %.2f ms (ratio %.2f)%n",
                median(knownNanos) / 1e6, median(unknownNanos) / 1e6, ratio);
        assertTrue(ratio > 0.5 && ratio < 2, "known/unknown median time ratio " + ratio);

        // the mails of the known emails arrive; none for the unknown ones, which have no account to send to
        known.forEach(email -> MailServer.awaitMail(email, 1));
        unknown.forEach(email -> assertEquals(List.of(), MailServer.mailsTo(email)));
    }

    @Test
    void aCodeWorksOnlyOnce() {
        Account ada = Accounts.newUser("ada");
        requestReset(ada.email()).statusCode(202);
        String code = MailServer.awaitResetCode(ada.email(), 1);
        confirm(ada.email(), code, NEW_PASSWORD).statusCode(204);

        wrongCode(confirm(ada.email(), code, "yet another passphrase"));
        assertEquals(200, login(ada.email(), NEW_PASSWORD));
    }

    @Test
    void aNewPasswordEndsEveryCodeMailedBefore() {
        Account ada = Accounts.newUser("ada");
        requestReset(ada.email()).statusCode(202);
        requestReset(ada.email()).statusCode(202);
        String first = MailServer.awaitResetCode(ada.email(), 1);
        String second = MailServer.awaitResetCode(ada.email(), 2);
        assertNotEquals(first, second);

        confirm(ada.email(), second, NEW_PASSWORD).statusCode(204);
        wrongCode(confirm(ada.email(), first, "yet another passphrase"));

        // a password changed while logged in ends the codes mailed before, too
        requestReset(ada.email()).statusCode(202);
        String third = MailServer.awaitResetCode(ada.email(), 3);
        given().auth().oauth2(Accounts.login(ada.email(), NEW_PASSWORD)).contentType(ContentType.JSON)
                .body(Map.of("password", "changed while logged in", "current_password", NEW_PASSWORD)).put("/api/v1/users/me").then().statusCode(200);
        wrongCode(confirm(ada.email(), third, "yet another passphrase"));
    }

    @Test
    void anExpiredCodeIsRefused() {
        Account ada = Accounts.newUser("ada");
        requestReset(ada.email()).statusCode(202);
        String code = MailServer.awaitResetCode(ada.email(), 1);
        // 15 minutes pass
        assertEquals(1, Sql.update("update password_reset_codes set expires_at = now() - interval '1 second' "
                + "where user_id = (select id from users where email = ?)", ada.email()));

        wrongCode(confirm(ada.email(), code, NEW_PASSWORD));
        assertEquals(200, login(ada.email(), Accounts.PASSWORD));
    }

    @Test
    void wrongCodesAreRefusedAndThrottledPerEmailAndAddressEvenForTheRightCode() {
        Account ada = Accounts.newUser("ada");
        requestReset(ada.email()).statusCode(202);
        String code = MailServer.awaitResetCode(ada.email(), 1);
        for (int i = 0; i < MAX_WRONG_CODES; i++) {
            wrongCode(confirm(ada.email(), "AAAA-BBBB-CCCC-DDD" + i, NEW_PASSWORD));
        }
        String retryAfter = confirm(ada.email(), code, NEW_PASSWORD).statusCode(429)
                .contentType("application/problem+json").extract().header("Retry-After");
        assertTrue(Long.parseLong(retryAfter) >= 1, retryAfter);
        assertEquals(200, login(ada.email(), Accounts.PASSWORD));
        // the code of one email works for no other, and logins are counted apart
        Account bob = Accounts.newUser("bob");
        wrongCode(confirm(bob.email(), code, NEW_PASSWORD));
    }

    @Test
    void wrongCodesFromOneAddressDoNotStopTheOwnersRightCodeFromAnother() {
        Account ada = Accounts.newUser("ada");
        requestReset(ada.email()).statusCode(202);
        String code = MailServer.awaitResetCode(ada.email(), 1);
        String guesser = Accounts.uniqueAddress();
        for (int i = 0; i <= MAX_WRONG_CODES; i++) {
            confirmFrom(guesser, ada.email(), "AAAA-BBBB-CCCC-DDD" + i, NEW_PASSWORD).statusCode(i < MAX_WRONG_CODES ? 422 : 429);
        }
        confirmFrom(Accounts.uniqueAddress(), ada.email(), code, NEW_PASSWORD).statusCode(204);
        assertEquals(200, login(ada.email(), NEW_PASSWORD));
    }

    @Test
    void aWrongCodeForAnUnknownEmailIsAnsweredLikeAnyWrongCode() {
        wrongCode(confirm(Accounts.uniqueEmail("nobody"), "AAAA-BBBB-CCCC-DDDD", NEW_PASSWORD));
    }

    @Test
    void theNewPasswordFollowsTheRulesOfRegistrationAndAShortOneKeepsTheCode() {
        Account ada = Accounts.newUser("ada");
        requestReset(ada.email()).statusCode(202);
        String code = MailServer.awaitResetCode(ada.email(), 1);
        confirm(ada.email(), code, "short").statusCode(422).body("errors[0].field", equalTo("password"));
        confirm(ada.email(), code, "12345678").statusCode(422).body("errors[0].field", equalTo("password"));
        confirm(ada.email(), code, "x".repeat(129)).statusCode(422).body("errors[0].field", equalTo("password"));
        confirm(ada.email(), code, NEW_PASSWORD).statusCode(204);
    }

    @Test
    void anInvalidEmailIs422AndAFloodOfRequestsSendsAtMostThreeMails() {
        requestReset("not-an-email").statusCode(422).body("errors[0].field", equalTo("email"));
        Account ada = Accounts.newUser("ada");
        for (int i = 0; i < 5; i++) {
            requestReset(ada.email()).statusCode(202);
        }
        // a mail leaves only for a stored code, and only three were stored
        assertEquals(3, Sql.count("select count(*) from password_reset_codes where user_id = "
                + "(select id from users where email = ?)", ada.email()));
        MailServer.awaitMail(ada.email(), 3);
        assertEquals(3, MailServer.mailsTo(ada.email()).size());
    }

    @Test
    void codesAreStoredOnlyAsDigests() {
        Account ada = Accounts.newUser("ada");
        requestReset(ada.email()).statusCode(202);
        String code = MailServer.awaitResetCode(ada.email(), 1).replace("-", "");
        assertEquals(1, Sql.count("select count(*) from password_reset_codes where code_digest = sha256(convert_to(?, 'UTF8'))",
                code));
        assertEquals(0, Sql.count("select count(*) from password_reset_codes where position(convert_to(?, 'UTF8') in code_digest) > 0",
                code));
    }

    private static long timed(String email) {
        long start = System.nanoTime();
        requestReset(email).statusCode(202);
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
