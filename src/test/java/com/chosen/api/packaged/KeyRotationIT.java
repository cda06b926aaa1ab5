package com.chosen.api.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.SigningKeys;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;

/**
 * The rotation of the token keys as docs/operating.md (Rotating the token keys) tells an operator to
 * do it, each step a restart of the packaged application on the Secret's new files: publish the new
 * public key, then sign with it, then a token lifetime later retire the old one. Nobody is logged
 * out on the way, and a retired or unknown key's token is refused after it.
 */
@QuarkusIntegrationTest
class KeyRotationIT {

    private static final Path KEYS = Path.of("target", "key-rotation").toAbsolutePath();

    private final RsaJsonWebKey old = SigningKeys.generate("2026-11");
    private final RsaJsonWebKey next = SigningKeys.generate("2026-12");

    @Test
    void aRotationInTwoStepsKeepsEveryTokenWorkingUntilTheOldKeyIsRetired() throws Exception {
        String email = Accounts.newUser("rotation").email();

        String beforeRotation;
        try (PackagedApp app = startWith(old, List.of(old), "before")) {
            beforeRotation = login(app, email);
            assertEquals("2026-11", kid(beforeRotation));
            assertEquals(Set.of("2026-11"), publishedKids(app));
        }

        // step 1: the new public key is published beside the old one; the old key still signs
        try (PackagedApp app = startWith(old, List.of(old, next), "published")) {
            assertEquals(Set.of("2026-11", "2026-12"), publishedKids(app));
            assertEquals("2026-11", kid(login(app, email)));
            assertEquals(200, me(app, beforeRotation));
        }

        // step 2: the new key signs; the old key's tokens keep working
        String afterRotation;
        try (PackagedApp app = startWith(next, List.of(old, next), "switched")) {
            afterRotation = login(app, email);
            assertEquals("2026-12", kid(afterRotation));
            assertEquals(200, me(app, beforeRotation));
            assertEquals(200, me(app, afterRotation));
        }

        // step 3, a token lifetime later: the old key is retired
        try (PackagedApp app = startWith(next, List.of(next), "retired")) {
            assertEquals(Set.of("2026-12"), publishedKids(app));
            assertEquals(401, me(app, beforeRotation));
            assertEquals(200, me(app, afterRotation));
            assertEquals(401, me(app, signedByAKeyNeverPublished(afterRotation)));
        }
    }

    private static PackagedApp startWith(RsaJsonWebKey signing, List<RsaJsonWebKey> verifying, String step)
            throws Exception {
        Path directory = KEYS.resolve(step);
        SigningKeys.write(directory, signing, verifying);
        return PackagedApp.startReady(SigningKeys.settings(directory), "key-rotation-" + step);
    }

    private static String login(PackagedApp app, String email) throws Exception {
        HttpResponse<String> answer = app.send(HttpRequest.newBuilder(app.uri("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD + "\"}")));
        assertEquals(200, answer.statusCode(), answer.body());
        return new JsonPath(answer.body()).getString("access_token");
    }

    private static int me(PackagedApp app, String token) throws Exception {
        return app.send(HttpRequest.newBuilder(app.uri("/api/v1/users/me")).header("Authorization", "Bearer " + token))
                .statusCode();
    }

    private static Set<String> publishedKids(PackagedApp app) throws Exception {
        HttpResponse<String> answer = app.send(HttpRequest.newBuilder(app.uri("/.well-known/jwks.json")));
        assertEquals(200, answer.statusCode());
        return Set.copyOf(new JsonPath(answer.body()).getList("keys.kid", String.class));
    }

    private static String kid(String token) {
        return part(token, 0).getString("kid");
    }

    // the same claims, session included, signed by a key the service never had, under a kid of its own
    private static String signedByAKeyNeverPublished(String token) {
        JsonPath claims = part(token, 1);
        RsaJsonWebKey stranger = SigningKeys.generate("never-published");
        return Jwt.issuer("https://chosen.example/api").audience("chosen-api").subject(claims.getString("sub"))
                .upn(claims.getString("upn")).groups(Set.copyOf(claims.getList("groups", String.class)))
                .claim("sid", claims.getString("sid"))
                .jws().keyId(stranger.getKeyId()).sign(stranger.getRsaPrivateKey());
    }

    private static JsonPath part(String token, int index) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8));
    }
}
