package com.chosen.api.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Sql;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Sessions: a login gives an access token and a refresh token; a refresh trades the refresh token
 * for new ones; a used refresh token presented again ends the session; a logout ends it; a new
 * password ends every session of the account.
 */
@QuarkusTest
class SessionsTest {

    /** The two tokens of a login or a refresh. */
    private record Tokens(String access, String refresh) {

        static Tokens of(ValidatableResponse answer) {
            JsonPath json = answer.statusCode(200).extract().jsonPath();
            return new Tokens(json.getString("access_token"), json.getString("refresh_token"));
        }

        String session() {
            return new JsonPath(new String(Base64.getUrlDecoder().decode(access.split("\\.")[1]), StandardCharsets.UTF_8))
                    .getString("sid");
        }
    }

    private static Tokens login(String email, String password) {
        return Tokens.of(given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then());
    }

    private static ValidatableResponse refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refresh_token", refreshToken))
                .post("/api/v1/auth/refresh").then();
    }

    private static ValidatableResponse logout(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refresh_token", refreshToken))
                .post("/api/v1/auth/logout").then();
    }

    private static ValidatableResponse me(String accessToken) {
        return given().auth().oauth2(accessToken).get("/api/v1/users/me").then();
    }

    private static void refused(String accessToken) {
        me(accessToken).statusCode(401).header("WWW-Authenticate", "Bearer").contentType("application/problem+json");
    }

    private static void refusedRefresh(String refreshToken) {
        refresh(refreshToken).statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json").body("status", equalTo(401));
    }

    /** Moves the use of a refresh token back past the grace window (chosen.refresh-token.grace-period, 10 s). */
    private static void theGraceWindowPasses(String usedRefreshToken) {
        assertEquals(1, Sql.update("update refresh_tokens set used_at = used_at - interval '10 seconds' "
                + "where token_digest = sha256(convert_to(?, 'UTF8'))", usedRefreshToken));
    }

    private static String newUser(String name) {
        return Accounts.newUser(name).email();
    }

    @Test
    void aLoginAnswersAShortAccessTokenAndARefreshTokenNeverCached() {
        String ada = newUser("ada");
        given().contentType(ContentType.JSON).body(Map.of("email", ada, "password", Accounts.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(900))
                .body("refresh_token", notNullValue());
        given().contentType(ContentType.URLENC).formParam("grant_type", "password").formParam("username", ada)
                .formParam("password", Accounts.PASSWORD).post("/api/v1/auth/token").then().statusCode(200)
                .body("refresh_token", notNullValue());
    }

    @Test
    void aRefreshTradesTheRefreshTokenForNewTokensOfTheSameSession() {
        String ada = newUser("ada");
        Tokens first = login(ada, Accounts.PASSWORD);

        ValidatableResponse answer = refresh(first.refresh()).header("Cache-Control", "no-store")
                .body("token_type", equalTo("bearer")).body("expires_in", equalTo(900));
        Tokens second = Tokens.of(answer);

        assertNotEquals(first.refresh(), second.refresh());
        assertNotEquals(first.access(), second.access());
        assertEquals(first.session(), second.session());
        me(second.access()).statusCode(200).body("email", equalTo(ada));
        // rotation: the new refresh token works, once
        Tokens third = Tokens.of(refresh(second.refresh()));
        me(third.access()).statusCode(200);
        // the access tokens issued before in the same session still work until they expire
        me(first.access()).statusCode(200);
    }

    @Test
    void aUsedRefreshTokenPresentedAgainEndsTheWholeSession() {
        String ada = newUser("ada");
        Tokens stolen = login(ada, Accounts.PASSWORD);
        Tokens legitimate = Tokens.of(refresh(stolen.refresh()));
        Tokens elsewhere = login(ada, Accounts.PASSWORD);
        theGraceWindowPasses(stolen.refresh());

        // the copy is used again: whoever holds it, the session can no longer be trusted
        refusedRefresh(stolen.refresh());

        refusedRefresh(legitimate.refresh());
        refused(legitimate.access());
        refused(stolen.access());
        // another session of the same account is not affected
        me(elsewhere.access()).statusCode(200);
        Tokens.of(refresh(elsewhere.refresh()));
    }

    @Test
    void twoTabsRefreshingWithOneTokenAtOnceGetTheSameNewRefreshTokenAndKeepTheSession() {
        Tokens login = login(newUser("ada"), Accounts.PASSWORD);
        CompletableFuture<Tokens> tab1 = CompletableFuture.supplyAsync(() -> Tokens.of(refresh(login.refresh())));
        CompletableFuture<Tokens> tab2 = CompletableFuture.supplyAsync(() -> Tokens.of(refresh(login.refresh())));
        Tokens first = tab1.join();
        Tokens second = tab2.join();

        assertEquals(first.refresh(), second.refresh());
        assertEquals(login.session(), second.session());
        me(first.access()).statusCode(200);
        me(second.access()).statusCode(200);
        // a request retried after its answer was lost: the same pair again
        assertEquals(first.refresh(), Tokens.of(refresh(login.refresh())).refresh());
        Tokens next = Tokens.of(refresh(first.refresh()));
        me(next.access()).statusCode(200);
    }

    @Test
    void theGraceWindowDoesNotOutliveTheSession() {
        Tokens login = login(newUser("ada"), Accounts.PASSWORD);
        Tokens refreshed = Tokens.of(refresh(login.refresh()));
        logout(refreshed.refresh()).statusCode(204);
        refusedRefresh(login.refresh());
        refused(refreshed.access());
    }

    @Test
    void aLogoutEndsTheSessionOfTheRefreshTokenAndNoOther() {
        String ada = newUser("ada");
        Tokens phone = login(ada, Accounts.PASSWORD);
        Tokens laptop = login(ada, Accounts.PASSWORD);

        logout(phone.refresh()).statusCode(204);

        refused(phone.access());
        refusedRefresh(phone.refresh());
        me(laptop.access()).statusCode(200);
        Tokens.of(refresh(laptop.refresh()));
        // the same answer for a session that has ended and a token that never existed
        logout(phone.refresh()).statusCode(204);
        logout("no-such-token").statusCode(204);
    }

    @Test
    void anUnknownOrMissingRefreshTokenIsRefused() {
        refusedRefresh("no-such-token");
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/auth/refresh").then().statusCode(422)
                .body("errors[0].field", equalTo("refresh_token"));
    }

    @Test
    void anExpiredSessionCannotBeRefreshed() {
        String ada = newUser("ada");
        Tokens tokens = login(ada, Accounts.PASSWORD);
        assertEquals(1, Sql.update("update sessions set expires_at = now() - interval '1 second' where id = ?::uuid",
                tokens.session()));
        refusedRefresh(tokens.refresh());
    }

    @Test
    void aSessionEndsThirtyDaysAfterItsLoginHoweverOftenItIsRefreshed() {
        Tokens tokens = login(newUser("ada"), Accounts.PASSWORD);
        // the login was almost 30 days ago, and the session was refreshed all along
        assertEquals(1, Sql.update("update sessions set created_at = now() - interval '30 days' + interval '1 hour' "
                + "where id = ?::uuid", tokens.session()));
        Tokens refreshed = Tokens.of(refresh(tokens.refresh()));
        // extended to 30 days after the login, not 30 days from now
        assertEquals(1, Sql.count("select count(*) from sessions where id = ?::uuid "
                + "and expires_at = created_at + interval '30 days'", tokens.session()));

        assertEquals(1, Sql.update("update sessions set created_at = created_at - interval '1 hour' "
                + "where id = ?::uuid", tokens.session()));
        refusedRefresh(refreshed.refresh());
    }

    @Test
    void aNewPasswordEndsEverySessionOfTheAccountThisOneIncluded() {
        String ada = newUser("ada");
        Tokens phone = login(ada, Accounts.PASSWORD);
        Tokens laptop = login(ada, Accounts.PASSWORD);

        given().auth().oauth2(laptop.access()).contentType(ContentType.JSON)
                .body(Map.of("password", "a brand new passphrase", "current_password", Accounts.PASSWORD)).put("/api/v1/users/me").then().statusCode(200);

        for (Tokens before : new Tokens[] { phone, laptop }) {
            refused(before.access());
            refusedRefresh(before.refresh());
        }
        Tokens after = login(ada, "a brand new passphrase");
        me(after.access()).statusCode(200);
    }

    @Test
    void aNameChangeEndsNoSession() {
        String ada = newUser("ada");
        Tokens tokens = login(ada, Accounts.PASSWORD);
        given().auth().oauth2(tokens.access()).contentType(ContentType.JSON).body(Map.of("full_name", "Ada L."))
                .put("/api/v1/users/me").then().statusCode(200);
        me(tokens.access()).statusCode(200);
        Tokens.of(refresh(tokens.refresh()));
    }

    @Test
    void aRefreshAsksTheDatabaseSoASessionEndedOnAnotherReplicaCannotBeRefreshed() {
        String ada = newUser("ada");
        Tokens tokens = login(ada, Accounts.PASSWORD);
        me(tokens.access()).statusCode(200);
        // what a logout on another replica writes
        assertEquals(1, Sql.update("update sessions set expires_at = now() where id = ?::uuid", tokens.session()));
        refusedRefresh(tokens.refresh());
        assertEquals(1, Sql.update("delete from sessions where id = ?::uuid", tokens.session()));
        refusedRefresh(tokens.refresh());
    }

    @Test
    void aRefreshRacingALogoutCannotReviveTheSession() throws Exception {
        Tokens tokens = login(newUser("ada"), Accounts.PASSWORD);
        // the refresh reads the session live, then waits for the refresh token's row, which another
        // transaction holds; the logout commits in between
        CompletableFuture<Integer> racingRefresh = Sql.whileLocked(() -> {
            CompletableFuture<Integer> refresh = CompletableFuture.supplyAsync(() -> refresh(tokens.refresh())
                    .extract().statusCode());
            Sql.awaitWaitingForALock("refresh_tokens");
            logout(tokens.refresh()).statusCode(204);
            return refresh;
        }, "select 1 from refresh_tokens where token_digest = sha256(convert_to(?, 'UTF8')) for update", tokens.refresh());

        assertEquals(401, racingRefresh.get(10, TimeUnit.SECONDS));
        refused(tokens.access());
        refusedRefresh(tokens.refresh());
        assertEquals(1, Sql.count("select count(*) from sessions where id = ?::uuid and ended_at is not null "
                + "and expires_at <= now()", tokens.session()));
    }

    @Test
    void refreshTokensAreStoredOnlyAsDigests() {
        Tokens tokens = login(newUser("ada"), Accounts.PASSWORD);
        assertEquals(1, Sql.count("select count(*) from refresh_tokens where token_digest = sha256(convert_to(?, 'UTF8'))",
                tokens.refresh()));
        assertEquals(0, Sql.count("select count(*) from refresh_tokens where position(convert_to(?, 'UTF8') in token_digest) > 0",
                tokens.refresh()));
    }
}
