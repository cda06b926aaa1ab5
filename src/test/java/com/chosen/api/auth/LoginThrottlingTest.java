package com.chosen.api.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.chosen.api.kernel.problem.ProblemException;
import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;

import io.github.bucket4j.TimeMeter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class LoginThrottlingTest {

    private static final int MAX_FAILURES = 5;

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
        AtomicLong now = new AtomicLong();
        TimeMeter clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return now.get();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        LoginThrottle throttle = new LoginThrottle(MAX_FAILURES, Duration.ofSeconds(60), 100, clock);
        for (int i = 0; i < MAX_FAILURES; i++) {
            throttle.admit("ada@example.com");
        }
        assertEquals("60", retryAfter(throttle, "ada@example.com"));
        now.addAndGet(Duration.ofMillis(59_500).toNanos());
        assertEquals("1", retryAfter(throttle, "ada@example.com"));
        throttle.admit("bob@example.com");
        now.addAndGet(Duration.ofMillis(500).toNanos());
        throttle.admit("ada@example.com");
    }

    private static String retryAfter(LoginThrottle throttle, String email) {
        ProblemException refused = assertThrows(ProblemException.class, () -> throttle.admit(email));
        assertEquals(429, refused.problem().status());
        return refused.headers().get("Retry-After");
    }
}
