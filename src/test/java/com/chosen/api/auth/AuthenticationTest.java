package com.chosen.api.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;
import com.chosen.api.support.SigningKeys;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.build.Jwt;

@QuarkusTest
class AuthenticationTest {

    // Quarkus' bearer-token authentication parses every token through this bean
    @Inject
    JWTParser parser;

    @Test
    void registeringAnswersTheNewUserWithLocationAndNeverThePassword() {
        String email = Accounts.uniqueEmail("Ada").replace("ada", "ADA");
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", Accounts.PASSWORD, "full_name", "Ada Lovelace"))
                .post("/api/v1/auth/register")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/users/me"))
                .body("email", equalTo(email.toLowerCase()))
                .body("full_name", equalTo("Ada Lovelace"))
                .body("roles", contains("user"))
                .body("created_at", notNullValue())
                .body("updated_at", notNullValue())
                .body("$", not(hasKey("password")))
                .body("$", not(hasKey("password_hash")));
    }

    @Test
    void anEmailIsTakenWhateverItsCase() {
        Account ada = Accounts.newUser("ada");
        given().contentType(ContentType.JSON)
                .body(Map.of("email", ada.email().toUpperCase(), "password", Accounts.PASSWORD))
                .post("/api/v1/auth/register")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409));
    }

    @Test
    void rolesAndIdsInTheRegistrationBodyAreIgnored() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", Accounts.uniqueEmail("mallory"), "password", Accounts.PASSWORD,
                        "roles", List.of("admin"), "id", 1, "created_at", "2000-01-01T00:00:00Z"))
                .post("/api/v1/auth/register")
                .then().statusCode(201)
                .body("roles", contains("user"))
                .body("id", not(equalTo(1)))
                .body("created_at", not(equalTo("2000-01-01T00:00:00Z")));
    }

    @Test
    void theMostCommonBreachedPasswordsAreRefusedWithTheReason() {
        for (String breached : new String[] { "password1", "12345678", "iloveyou", "ILoveYou" }) {
            String email = Accounts.uniqueEmail("breached");
            given().contentType(ContentType.JSON).body(Map.of("email", email, "password", breached))
                    .post("/api/v1/auth/register")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("password"))
                    .body("errors[0].message",
                            equalTo("is one of the most common passwords, known from data breaches: choose another"));
        }
    }

    @Test
    void registrationRulesAnswer422WithEachField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email", "password", "short"))
                .post("/api/v1/auth/register")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("email", "password"));
        given().contentType(ContentType.JSON)
                .body(Map.of("email", Accounts.uniqueEmail("long"), "password", "x".repeat(129)))
                .post("/api/v1/auth/register")
                .then().statusCode(422).body("errors[0].field", equalTo("password"));
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "a".repeat(250) + "@example.com", "password", Accounts.PASSWORD))
                .post("/api/v1/auth/register")
                .then().statusCode(422).body("errors.field", org.hamcrest.Matchers.hasItem("email"));
    }

    @Test
    void passwordLengthCountsCharactersNotBytes() {
        // 8 emoji are 8 characters (16 UTF-16 units, 32 bytes): long enough
        given().contentType(ContentType.JSON)
                .body(Map.of("email", Accounts.uniqueEmail("emoji"), "password", "💪".repeat(8)))
                .post("/api/v1/auth/register")
                .then().statusCode(201);
        // 7 emoji are 7 characters even though they are 14 UTF-16 units: too short
        given().contentType(ContentType.JSON)
                .body(Map.of("email", Accounts.uniqueEmail("emoji"), "password", "💪".repeat(7)))
                .post("/api/v1/auth/register")
                .then().statusCode(422);
    }

    @Test
    void everyCharacterOfALongPasswordCounts() {
        String email = Accounts.uniqueEmail("long-password");
        // 100 four-byte characters are 400 bytes, far past bcrypt's 72-byte cut
        String password = "🏋".repeat(99) + "A";
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/register").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", "🏋".repeat(99) + "B"))
                .post("/api/v1/auth/login").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200);
    }

    @Test
    void loginIssuesAnRs256TokenWithTheContractClaims() {
        Account ada = Accounts.newUser("claims");
        String[] parts = ada.token().split("\\.");
        JsonPath header = new JsonPath(decode(parts[0]));
        JsonPath claims = new JsonPath(decode(parts[1]));
        assertEquals("RS256", header.getString("alg"));
        assertEquals(String.valueOf(ada.id()), claims.getString("sub"));
        assertEquals(ada.email(), claims.getString("upn"));
        assertEquals(List.of("user"), claims.getList("groups"));
        assertEquals("https://chosen.example/api", claims.getString("iss"));
        assertTrue(claims.getString("aud").contains("chosen-api"));
        assertNotNull(claims.getString("sid"));
        long issuedAt = claims.getLong("iat");
        assertEquals(900, claims.getLong("exp") - issuedAt);
    }

    @Test
    void noCacheKeepsATokenAnswer() {
        Account ada = Accounts.newUser("nostore");
        given().contentType(ContentType.JSON).body(Map.of("email", ada.email(), "password", Accounts.PASSWORD))
                .post("/api/v1/auth/login")
                .then().statusCode(200).header("Cache-Control", "no-store").header("Pragma", "no-cache");
        given().contentType(ContentType.URLENC).formParam("username", ada.email()).formParam("password", Accounts.PASSWORD)
                .post("/api/v1/auth/login")
                .then().statusCode(200).header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }

    @Test
    void loginAcceptsTheOAuth2PasswordFormWithTheEmailAsUsername() {
        Account ada = Accounts.newUser("form");
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("username", ada.email())
                .formParam("password", Accounts.PASSWORD)
                .post("/api/v1/auth/login")
                .then().statusCode(200)
                .body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(900))
                .body("refresh_token", notNullValue())
                .body("access_token", notNullValue());
    }

    @Test
    void loginIsCaseInsensitiveOnTheEmail() {
        Account ada = Accounts.newUser("casing");
        Accounts.login(ada.email().toUpperCase(), Accounts.PASSWORD);
    }

    @Test
    void unknownEmailAndWrongPasswordAreIndistinguishable() {
        Account ada = Accounts.newUser("secret");
        String wrongPassword = given().contentType(ContentType.JSON)
                .body(Map.of("email", ada.email(), "password", "wrong password!"))
                .post("/api/v1/auth/login")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .extract().asString();
        String unknownEmail = given().contentType(ContentType.JSON)
                .body(Map.of("email", Accounts.uniqueEmail("nobody"), "password", "wrong password!"))
                .post("/api/v1/auth/login")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .extract().asString();
        assertEquals(wrongPassword, unknownEmail);
    }

    @Test
    void protectedRoutesNeedAValidToken() {
        given().get("/api/v1/users/me")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json");
        given().auth().oauth2("not.a.token").get("/api/v1/users/me")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json");
    }

    @Test
    void tokensWithAWrongIssuerAudienceOrExpiryOrWithoutASessionAreRejected() throws Exception {
        String key = Path.of("target", "test-keys", SigningKeys.SIGNING_KEY).toAbsolutePath().toString();
        Account ada = Accounts.newUser("forged");
        String wrongIssuer = Jwt.issuer("https://evil.example").audience("chosen-api").subject(String.valueOf(ada.id()))
                .groups("user").sign(key);
        String wrongAudience = Jwt.issuer("https://chosen.example/api").audience("someone-else")
                .subject(String.valueOf(ada.id())).groups("user").sign(key);
        String expired = Jwt.issuer("https://chosen.example/api").audience("chosen-api").subject(String.valueOf(ada.id()))
                .groups("user").issuedAt(1_000_000L).expiresAt(1_000_060L).sign(key);
        String unsigned = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + base64("{\"sub\":\"" + ada.id() + "\",\"iss\":\"https://chosen.example/api\",\"aud\":\"chosen-api\","
                        + "\"groups\":[\"admin\"],\"exp\":" + (System.currentTimeMillis() / 1000 + 600) + "}") + ".";
        // signed with the right key, but naming no session that could ever be ended
        String withoutSession = Jwt.issuer("https://chosen.example/api").audience("chosen-api")
                .subject(String.valueOf(ada.id())).groups("user").sign(key);
        for (String token : List.of(wrongIssuer, wrongAudience, expired, unsigned, withoutSession)) {
            given().auth().oauth2(token).get("/api/v1/users/me")
                    .then().statusCode(401).header("WWW-Authenticate", "Bearer");
        }
        // the same claims with the right issuer and audience, naming a live session, are accepted: the key is
        // not the problem
        String session = new JsonPath(decode(ada.token().split("\\.")[1])).getString("sid");
        String valid = Jwt.issuer("https://chosen.example/api").audience("chosen-api").subject(String.valueOf(ada.id()))
                .groups("user").claim("sid", session).sign(key);
        given().auth().oauth2(valid).get("/api/v1/users/me").then().statusCode(200);
    }

    @Test
    void aTokenIsVerifiedOnceAndThenTakenFromTheVerifiedTokens() throws Exception {
        Account ada = Accounts.newUser("once");
        assertSame(parser.parse(ada.token()), parser.parse(ada.token()));
    }

    @Test
    void aTokenAcceptedBeforeVouchesForNoAlteredCopyOfIt() throws Exception {
        Account ada = Accounts.newUser("altered");
        ada.request().get("/api/v1/users/me").then().statusCode(200);   // accepted, so verified once and kept
        String[] parts = ada.token().split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        String claims = decode(parts[1]);
        assertTrue(claims.contains("\"groups\":[\"user\"]"), claims);
        String promoted = parts[0] + "." + base64(claims.replace("\"groups\":[\"user\"]", "\"groups\":[\"admin\"]"))
                + "." + parts[2];
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String foreignKey = Jwt.claims(JsonPath.from(claims).<String, Object>getMap("")).sign(generator.generateKeyPair().getPrivate());
        for (String token : List.of(otherSignature, promoted, foreignKey)) {
            given().auth().oauth2(token).get("/api/v1/users/me")
                    .then().statusCode(401).header("WWW-Authenticate", "Bearer");
        }
        ada.request().get("/api/v1/users/me").then().statusCode(200);
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
