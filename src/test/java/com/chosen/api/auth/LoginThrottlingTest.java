package com.chosen.api.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.chosen.api.auth.EmailThrottle.Purpose;
import com.chosen.api.kernel.problem.ProblemException;
import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;
import com.chosen.api.support.PostgresResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class LoginThrottlingTest {

    private static final int MAX_FAILURES = 5;

    @Inject
    EmailThrottle throttle;

    private static ValidatableResponse login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then();
    }

    private static void failTheAllowedNumberOfTimes(String email) {
        for (int i = 0; i < MAX_FAILURES; i++) {
            login(email, "wrong password " + i).statusCode(401);
        }
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordGets429WithRetryAfter() {
        Account ada = Accounts.newUser("ada");
        failTheAllowedNumberOfTimes(ada.email());
        String retryAfter = login(ada.email(), "wrong again").statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("title", equalTo("Too Many Requests"))
                .extract().header("Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 60, "Retry-After " + retryAfter);
        login(ada.email(), Accounts.PASSWORD).statusCode(429);
        // the same email in other letters, and the OAuth2 form, are the same email
        login(ada.email().toUpperCase(), Accounts.PASSWORD).statusCode(429);
        given().contentType(ContentType.URLENC).formParam("username", ada.email()).formParam("password", Accounts.PASSWORD)
                .post("/api/v1/auth/login").then().statusCode(429);
    }

    @Test
    void anUnknownEmailIsThrottledExactlyLikeAKnownOne() {
        String nobody = Accounts.uniqueEmail("nobody");
        failTheAllowedNumberOfTimes(nobody);
        login(nobody, "still guessing").statusCode(429);
    }

    @Test
    void otherEmailsAreUnaffected() {
        Account ada = Accounts.newUser("ada");
        Account bob = Accounts.newUser("bob");
        failTheAllowedNumberOfTimes(ada.email());
        login(ada.email(), Accounts.PASSWORD).statusCode(429);
        login(bob.email(), "one wrong guess").statusCode(401);
        login(bob.email(), Accounts.PASSWORD).statusCode(200);
    }

    @Test
    void aSuccessfulLoginClearsTheEarlierFailures() {
        Account ada = Accounts.newUser("ada");
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            login(ada.email(), "typo " + i).statusCode(401);
        }
        login(ada.email(), Accounts.PASSWORD).statusCode(200);
        failTheAllowedNumberOfTimes(ada.email());
        login(ada.email(), Accounts.PASSWORD).statusCode(429);
    }

    @Test
    void anEmailTooLongToBeRegisteredIsRefusedBeforeItIsCounted() {
        String tooLong = "a".repeat(250) + "@example.com";
        login(tooLong, "guess").statusCode(422).body("errors[0].field", equalTo("email"));
        given().contentType(ContentType.URLENC).formParam("username", tooLong).formParam("password", "guess")
                .post("/api/v1/auth/login").then().statusCode(400).body("errors[0].field", equalTo("username"));
    }

    @Test
    void theLockLastsUntilTheWindowEndsAndNoLonger() {
        String email = Accounts.uniqueEmail("ada");
        for (int i = 0; i < MAX_FAILURES; i++) {
            throttle.admit(Purpose.LOGIN, email).await().indefinitely();
        }
        assertEquals("60", retryAfter(email));
        timePasses(email, Duration.ofMillis(59_500));
        assertEquals("1", retryAfter(email));
        timePasses(email, Duration.ofMillis(500));
        throttle.admit(Purpose.LOGIN, email).await().indefinitely();
    }

    @Test
    void theCountsAreKeptInTheDatabaseWithoutTheAddress() throws SQLException {
        String email = Accounts.uniqueEmail("private");
        login(email, "a guess").statusCode(401);
        try (Connection db = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
             PreparedStatement attempts = db.prepareStatement(
                     "select attempts from login_attempts where email_digest = sha256(convert_to(?, 'UTF8'))");
             PreparedStatement address = db.prepareStatement(
                     "select count(*) from login_attempts where position(convert_to(?, 'UTF8') in email_digest) > 0")) {
            attempts.setString(1, email);
            try (ResultSet row = attempts.executeQuery()) {
                assertTrue(row.next());
                assertEquals(1, row.getInt(1));
            }
            address.setString(1, email);
            try (ResultSet row = address.executeQuery()) {
                row.next();
                assertEquals(0, row.getInt(1));
            }
        }
    }

    private String retryAfter(String email) {
        ProblemException refused = assertThrows(ProblemException.class, () -> throttle.admit(Purpose.LOGIN, email).await().indefinitely());
        assertEquals(429, refused.problem().status());
        return refused.headers().get("Retry-After");
    }

    /** Brings the end of the email's window closer, as the passing of {@code time} would. */
    private static void timePasses(String email, Duration time) {
        try (Connection db = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
             PreparedStatement earlier = db.prepareStatement("update login_attempts set window_ends = window_ends - "
                     + "make_interval(secs => ?) where email_digest = sha256(convert_to(?, 'UTF8'))")) {
            earlier.setDouble(1, time.toMillis() / 1000.0);
            earlier.setString(2, email);
            assertEquals(1, earlier.executeUpdate());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
