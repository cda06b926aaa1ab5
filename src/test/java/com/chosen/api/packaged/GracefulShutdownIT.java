package com.chosen.api.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;
import com.chosen.api.support.PostgresResource;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * SIGTERM lets requests already running finish ({@code quarkus.shutdown.timeout}). Runs its own
 * copy of the packaged artifact, because the signal needs the process.
 */
@QuarkusIntegrationTest
class GracefulShutdownIT {

    private static final int LOGINS = 12;

    @Test
    void requestsInFlightAtSigtermStillGetTheirAnswer() throws Exception {
        // registered through the suite's instance; both instances share the database
        Account ada = Accounts.newUser("shutdown");
        int port = PackagedApp.freePort();
        Path log = Path.of("target", "graceful-shutdown.log");
        try (PackagedApp app = PackagedApp.start(PackagedApp.command(Path.of("target"), System.getProperty("java.home")),
                PackagedApp.environment(PostgresResource.settings(), port), port, log)) {
            app.awaitOk(HttpRequest.newBuilder(app.uri("/q/health/ready")), Duration.ofSeconds(60));

            // Argon2 makes each login take a while: after the first answer the others are still running
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String body = "{\"email\":\"" + ada.email() + "\",\"password\":\"" + Accounts.PASSWORD + "\"}";
            List<CompletableFuture<HttpResponse<String>>> logins = new ArrayList<>();
            for (int i = 0; i < LOGINS; i++) {
                logins.add(client.sendAsync(HttpRequest.newBuilder(app.uri("/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            CompletableFuture.anyOf(logins.toArray(CompletableFuture[]::new)).join();
            long stillRunning = logins.stream().filter(login -> !login.isDone()).count();

            app.terminate(Duration.ofSeconds(30));

            assertTrue(stillRunning > 0, "no login was in flight at SIGTERM; the test proves nothing");
            for (CompletableFuture<HttpResponse<String>> login : logins) {
                assertEquals(200, login.join().statusCode());
            }
            assertTrue(Files.readString(log).contains("stopped in"), "no orderly shutdown in " + log);
        }
    }
}
