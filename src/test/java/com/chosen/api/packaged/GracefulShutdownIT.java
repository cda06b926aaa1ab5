package com.chosen.api.packaged;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.chosen.api.support.Accounts;
import com.chosen.api.support.Accounts.Account;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * SIGTERM lets requests already running finish ({@code quarkus.shutdown.timeout}). Runs its own
 * copy of the packaged artifact, because the signal needs the process.
 */
@QuarkusIntegrationTest
class GracefulShutdownIT {

    @Test
    void aRequestInFlightAtSigtermStillGetsItsAnswer() throws Exception {
        // registered through the suite's instance; both instances share the database
        Account ada = Accounts.newUser("shutdown");
        try (PackagedApp app = PackagedApp.startReady(Map.of(), "graceful-shutdown")) {

            String credentials = "{\"email\":\"" + ada.email() + "\",\"password\":\"" + Accounts.PASSWORD + "\"}";
            // the instance's first login, its body still arriving when SIGTERM comes: in flight, for sure,
            // at that moment, and the first password check after shutdown began (no part of hashing may
            // depend on what shutdown takes away, such as registering a shutdown hook)
            byte[] body = credentials.getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("localhost", app.port())) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, body.length / 2);
                out.flush();
                Thread.sleep(500);

                CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                    try {
                        return app.terminate(Duration.ofSeconds(30));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(1_000);
                assertTrue(app.process().isAlive(), "exited with a request still in flight");
                out.write(body, body.length / 2, body.length - body.length / 2);
                out.flush();

                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(response.startsWith("HTTP/1.1 200"), () -> "answered: " + response);
                assertTrue(response.contains("access_token"), () -> "answered: " + response);
                exit.join();
            }
            Path log = Path.of("target", "graceful-shutdown.log");
            assertTrue(Files.readString(log).contains("stopped in"), "no orderly shutdown in " + log);
        }
    }
}
