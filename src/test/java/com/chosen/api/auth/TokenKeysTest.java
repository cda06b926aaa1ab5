package com.chosen.api.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;
import com.chosen.api.support.SigningKeys;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;

/**
 * Tokens name their key, and the keys that verify them are published for other services. The
 * rotation itself, across restarts of the packaged application, is KeyRotationIT's.
 */
@QuarkusTest
class TokenKeysTest {

    @Test
    void anAccessTokenNamesTheKeyThatSignedIt() {
        Account ada = Accounts.newUser("kid");
        JsonPath header = new JsonPath(new String(Base64.getUrlDecoder().decode(ada.token().split("\\.")[0]),
                StandardCharsets.UTF_8));
        assertEquals("test-key", header.getString("kid"));
        assertEquals("RS256", header.getString("alg"));
    }

    @Test
    void theVerificationKeysArePublishedAsACacheableJwkSetWithoutPrivateMembers() {
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "public, max-age=300")
                .body("keys.kid", contains("test-key"))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0]", hasKey("n"))
                .body("keys[0]", hasKey("e"))
                .body("keys[0]", not(hasKey("d")))
                .body("keys[0]", not(hasKey("p")));
    }

    @Test
    void aTokenFromAKeyTheServiceNeverHadIsRefusedWhateverKidItClaims() {
        Account ada = Accounts.newUser("stranger");
        for (String kid : new String[] { "test-key", "another-key" }) {
            RsaJsonWebKey stranger = SigningKeys.generate(kid);
            String forged = Jwt.issuer("https://chosen.example/api").audience("chosen-api")
                    .subject(String.valueOf(ada.id())).groups("user")
                    .jws().keyId(kid).sign(stranger.getRsaPrivateKey());
            given().auth().oauth2(forged).get("/api/v1/users/me").then().statusCode(401);
        }
    }
}
