package com.chosen.api.packaged;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;
import com.chosen.api.support.PostgresResource;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/**
 * Two replicas on one database count the failed logins of an email together: guesses spread over
 * them get no more than the limit, and a replica that restarts still refuses.
 */
@QuarkusIntegrationTest
class LoginThrottleAcrossReplicasIT {

    private static final int MAX_FAILURES = 5;

    @Test
    void failuresOnEitherReplicaCountTowardsOneLimitThatSurvivesARestart() throws Exception {
        Account ada = Accounts.newUser("replicas");
        Path log = Path.of("target", "second-replica.log");
        int port = PackagedApp.freePort();
        try (PackagedApp second = startReplica(port, log)) {
            for (int failure = 0; failure < MAX_FAILURES; failure++) {
                // alternately on this suite's instance and on the second replica
                int status = failure % 2 == 0 ? loginHere(ada.email(), "guess " + failure)
                        : loginOn(second, ada.email(), "guess " + failure);
                assertEquals(401, status);
            }
            assertEquals(429, loginOn(second, ada.email(), Accounts.PASSWORD));
            assertEquals(429, loginHere(ada.email(), Accounts.PASSWORD));
            second.terminate(Duration.ofSeconds(30));
        }
        try (PackagedApp restarted = startReplica(port, log)) {
            assertEquals(429, loginOn(restarted, ada.email(), Accounts.PASSWORD));
        }
    }

    private static PackagedApp startReplica(int port, Path log) throws Exception {
        PackagedApp app = PackagedApp.start(PackagedApp.command(Path.of("target"), System.getProperty("java.home")),
                PackagedApp.environment(PostgresResource.settings(), port), port, log);
        app.awaitOk(HttpRequest.newBuilder(app.uri("/q/health/ready")), Duration.ofSeconds(60));
        return app;
    }

    private static int loginHere(String email, String password) {
        return given().contentType(ContentType.JSON).body(credentials(email, password))
                .post("/api/v1/auth/login").statusCode();
    }

    private static int loginOn(PackagedApp replica, String email, String password) throws Exception {
        return replica.send(HttpRequest.newBuilder(replica.uri("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(credentials(email, password)))).statusCode();
    }

    private static String credentials(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }
}
