package com.chosen.api.packaged;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.PostgresResource;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A session ended on one replica ends on all: the replica that ended it refuses its tokens at once,
 * another one as soon as its knowledge of the session is older than
 * {@code chosen.session-check.max-staleness}, and a refresh on any replica at once.
 */
@QuarkusIntegrationTest
class SessionsAcrossReplicasIT {

    private static final Duration MAX_STALENESS = Duration.ofSeconds(1);

    @Test
    void aPasswordChangedOnOneReplicaEndsTheSessionsOnTheOther() throws Exception {
        String email = Accounts.newUser("replicas").email();
        JsonPath login = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", Accounts.PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200).extract().jsonPath();
        String access = login.getString("access_token");
        String refresh = login.getString("refresh_token");

        Map<String, String> settings = new HashMap<>(PostgresResource.settings());
        settings.put("chosen.session-check.max-staleness", MAX_STALENESS.toMillis() + "ms");
        int port = PackagedApp.freePort();
        try (PackagedApp second = PackagedApp.start(PackagedApp.command(Path.of("target"), System.getProperty("java.home")),
                PackagedApp.environment(settings, port), port, Path.of("target", "sessions-second-replica.log"))) {
            second.awaitOk(HttpRequest.newBuilder(second.uri("/q/health/ready")), Duration.ofSeconds(60));
            // the second replica has seen the session live
            assertEquals(200, meOn(second, access));

            given().auth().oauth2(access).contentType(ContentType.JSON).body(Map.of("password", "a brand new passphrase", "current_password", Accounts.PASSWORD))
                    .put("/api/v1/users/me").then().statusCode(200);

            given().auth().oauth2(access).get("/api/v1/users/me").then().statusCode(401);
            assertEquals(401, refreshOn(second, refresh));
            Thread.sleep(MAX_STALENESS.toMillis() + 200);
            assertEquals(401, meOn(second, access));
            second.terminate(Duration.ofSeconds(30));
        }
    }

    private static int meOn(PackagedApp replica, String accessToken) throws Exception {
        return replica.send(HttpRequest.newBuilder(replica.uri("/api/v1/users/me"))
                .header("Authorization", "Bearer " + accessToken)).statusCode();
    }

    private static int refreshOn(PackagedApp replica, String refreshToken) throws Exception {
        return replica.send(HttpRequest.newBuilder(replica.uri("/api/v1/auth/refresh"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"refresh_token\":\"" + refreshToken + "\"}"))).statusCode();
    }
}
