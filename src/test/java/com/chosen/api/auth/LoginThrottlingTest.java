package com.chosen.api.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
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

import com.chosen.api.auth.AttemptThrottle.Purpose;
import com.chosen.api.kernel.problem.ProblemException;
import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;
import com.chosen.api.support.PostgresResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Guesses are counted per email and client address, and per address. Each test plays its clients at
 * addresses of its own, forwarded by the trusted loopback proxy (X-Forwarded-For, see the test
 * profile), so that the counts of one test never meet another's.
 */
@QuarkusTest
class LoginThrottlingTest {

    private static final int MAX_FAILURES = 5;
    // %test.chosen.login-throttle.max-failures-per-address
    private static final int MAX_FAILURES_PER_ADDRESS = 40;

    @Inject
    AttemptThrottle throttle;

    /** The address of the client most tests play, a new one for each test. */
    private final String address = Accounts.uniqueAddress();

    private ValidatableResponse login(String email, String password) {
        return loginFrom(address, email, password);
    }

    private static ValidatableResponse loginFrom(String clientAddress, String email, String password) {
        return given().header("X-Forwarded-For", clientAddress).contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then();
    }

    private void failTheAllowedNumberOfTimes(String email) {
        for (int i = 0; i < MAX_FAILURES; i++) {
            login(email, "wrong password " + i).statusCode(401);
        }
    }

    @Test
    void failuresFromOneAddressDoNotLockTheOwnerOutFromAnother() {
        Account ada = Accounts.newUser("ada");
        failTheAllowedNumberOfTimes(ada.email());
        login(ada.email(), Accounts.PASSWORD).statusCode(429);
        // the owner, elsewhere, logs in; and the guesser stays locked
        loginFrom(Accounts.uniqueAddress(), ada.email(), Accounts.PASSWORD).statusCode(200);
        login(ada.email(), Accounts.PASSWORD).statusCode(429);
    }

    @Test
    void oneAddressSprayingManyEmailsIsRefusedBeforeItCanKeepTheHasherBusy() {
        for (int i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
            login(Accounts.uniqueEmail("sprayed"), "password guess").statusCode(401);
        }
        Account ada = Accounts.newUser("ada");
        login(Accounts.uniqueEmail("sprayed"), "password guess").statusCode(429)
                .contentType("application/problem+json")
                .body("detail", startsWith("Too many failed logins from this network address"))
                .header("Retry-After", notNullValue());
        // every email from that address, even with the right password; nobody else
        login(ada.email(), Accounts.PASSWORD).statusCode(429);
        loginFrom(Accounts.uniqueAddress(), ada.email(), Accounts.PASSWORD).statusCode(200);
    }

    @Test
    void aSuccessGivesItsAttemptBackToTheAddress() {
        Account ada = Accounts.newUser("ada");
        for (int i = 0; i < MAX_FAILURES_PER_ADDRESS + 5; i++) {
            login(ada.email(), Accounts.PASSWORD).statusCode(200);
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
        given().header("X-Forwarded-For", address).contentType(ContentType.URLENC).formParam("username", ada.email())
                .formParam("password", Accounts.PASSWORD).post("/api/v1/auth/login").then().statusCode(429);
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
        given().header("X-Forwarded-For", address).contentType(ContentType.URLENC).formParam("username", tooLong).formParam("password", "guess")
                .post("/api/v1/auth/login").then().statusCode(400).body("errors[0].field", equalTo("username"));
    }

    @Test
    void theLockLastsUntilTheWindowEndsAndNoLonger() {
        String email = Accounts.uniqueEmail("ada");
        for (int i = 0; i < MAX_FAILURES; i++) {
            throttle.admit(Purpose.LOGIN, email, address).await().indefinitely();
        }
        assertEquals("60", retryAfter(email));
        timePasses(email, address, Duration.ofMillis(59_500));
        assertEquals("1", retryAfter(email));
        timePasses(email, address, Duration.ofMillis(500));
        throttle.admit(Purpose.LOGIN, email, address).await().indefinitely();
    }

    @Test
    void theCountsAreKeptInTheDatabaseWithoutTheEmailOrTheAddress() throws SQLException {
        String email = Accounts.uniqueEmail("private");
        login(email, "a guess").statusCode(401);
        try (Connection db = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
             PreparedStatement attempts = db.prepareStatement("select attempts from login_attempts where email_digest = ?");
             PreparedStatement stored = db.prepareStatement("select count(*) from login_attempts "
                     + "where position(convert_to(?, 'UTF8') in email_digest) > 0 or position(convert_to(?, 'UTF8') in email_digest) > 0")) {
            for (String counted : new String[] { email, "" }) {
                attempts.setBytes(1, AttemptThrottle.digest(Purpose.LOGIN, counted, address).getBytes());
                try (ResultSet row = attempts.executeQuery()) {
                    assertTrue(row.next());
                    assertEquals(1, row.getInt(1));
                }
            }
            stored.setString(1, email);
            stored.setString(2, address);
            try (ResultSet row = stored.executeQuery()) {
                row.next();
                assertEquals(0, row.getInt(1));
            }
        }
    }

    private String retryAfter(String email) {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> throttle.admit(Purpose.LOGIN, email, address).await().indefinitely());
        assertEquals(429, refused.problem().status());
        return refused.headers().get("Retry-After");
    }

    /** Brings the end of the window of the email and the address closer, as the passing of {@code time} would. */
    private static void timePasses(String email, String address, Duration time) {
        try (Connection db = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
             PreparedStatement earlier = db.prepareStatement("update login_attempts set window_ends = window_ends - "
                     + "make_interval(secs => ?) where email_digest = ?")) {
            earlier.setDouble(1, time.toMillis() / 1000.0);
            earlier.setBytes(2, AttemptThrottle.digest(Purpose.LOGIN, email, address).getBytes());
            assertEquals(1, earlier.executeUpdate());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
