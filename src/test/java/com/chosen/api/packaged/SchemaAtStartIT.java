package com.chosen.api.packaged;

import static com.chosen.api.migration.ScratchDatabase.CHANGELOG;
import static com.chosen.api.migration.ScratchDatabase.apply;
import static com.chosen.api.migration.ScratchDatabase.changesetIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.chosen.api.migration.ScratchDatabase;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import liquibase.Liquibase;

/**
 * The packaged application starting on databases in every state the schema can be in (a scratch
 * database each): it serves only on the schema this build needs, migrating first where it may, and
 * skips Liquibase altogether when there is nothing to migrate.
 */
@QuarkusIntegrationTest
class SchemaAtStartIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String HISTORY = "select id from databasechangelog order by orderexecuted";
    // what the Kubernetes Deployment sets: its init Job migrates, the pods do not
    private static final Map<String, String> DOES_NOT_MIGRATE = Map.of("QUARKUS_LIQUIBASE_ENABLED", "false");

    @Test
    void onAnEmptyDatabaseItMigratesBeforeItServes() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("start_empty")) {
            try (PackagedApp app = start(db, "empty", Map.of())) {
                app.awaitOk(ready(app), START_TIMEOUT);
                assertEquals(everyChangeset(db), db.lines(HISTORY));
            }
        }
    }

    @Test
    void onACurrentSchemaItStartsWithoutLiquibaseEvenWhileItsLockIsHeld() throws Exception {
        try (ScratchDatabase db = migrated("start_current")) {
            // Liquibase would wait for this lock (minutes); the check does not take it
            db.execute("update databasechangeloglock set locked = true, lockgranted = now(), lockedby = 'a test'");
            Path log = log("current");
            try (PackagedApp app = start(db, log, Map.of())) {
                app.awaitOk(ready(app), START_TIMEOUT);
            }
            String output = Files.readString(log);
            assertTrue(output.contains("Schema current"), output);
            assertFalse(output.contains("\"loggerName\":\"liquibase"), output);
        }
    }

    @Test
    void oneChangesetBehindItAppliesTheLastOneBeforeItServes() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("start_behind")) {
            Liquibase liquibase = db.liquibase(CHANGELOG);
            apply(liquibase, changesetIds(liquibase).size() - 1);
            try (PackagedApp app = start(db, "behind", Map.of())) {
                app.awaitOk(ready(app), START_TIMEOUT);
                assertEquals(everyChangeset(db), db.lines(HISTORY));
            }
        }
    }

    @Test
    void whereTheInitJobMigratesItRefusesASchemaThatIsBehindAndNamesWhatIsMissing() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("start_behind_k8s")) {
            Liquibase liquibase = db.liquibase(CHANGELOG);
            List<String> ids = changesetIds(liquibase);
            apply(liquibase, ids.size() - 1);
            String output = exitOutput(db, "behind-k8s", DOES_NOT_MIGRATE);
            assertTrue(output.contains("1 changeset(s) not applied") && output.contains(ids.get(ids.size() - 1))
                    && output.contains("QUARKUS_LIQUIBASE_ENABLED=false"), output);
            assertEquals(ids.subList(0, ids.size() - 1), db.lines(HISTORY));
        }
    }

    @Test
    void whereTheInitJobMigratesItStartsOnACurrentSchema() throws Exception {
        try (ScratchDatabase db = migrated("start_current_k8s"); PackagedApp app = start(db, "current-k8s", DOES_NOT_MIGRATE)) {
            app.awaitOk(ready(app), START_TIMEOUT);
        }
    }

    @Test
    void theInitJobMigratesAndExits() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("start_init_job")) {
            Path log = log("init-job");
            try (PackagedApp app = start(db, log, Map.of("QUARKUS_INIT_AND_EXIT", "true"))) {
                assertTrue(app.process().waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "still running");
                assertEquals(0, app.process().exitValue(), () -> read(log));
            }
            assertEquals(everyChangeset(db), db.lines(HISTORY));
        }
    }

    @Test
    void aChangesetEditedAfterItRanStopsTheStartWithLiquibasesMessage() throws Exception {
        try (ScratchDatabase db = migrated("start_edited")) {
            db.execute("update databasechangelog set md5sum = '9:0123456789abcdef0123456789abcdef' where id = '002-roles'");
            String output = exitOutput(db, "edited", Map.of());
            assertTrue(output.contains("Validation Failed") && output.contains("002-roles"), output);
        }
    }

    @Test
    void whereTheInitJobMigratesAChangesetEditedAfterItRanStopsTheStartNamingIt() throws Exception {
        try (ScratchDatabase db = migrated("start_edited_k8s")) {
            db.execute("update databasechangelog set md5sum = '9:0123456789abcdef0123456789abcdef' where id = '002-roles'");
            String output = exitOutput(db, "edited-k8s", DOES_NOT_MIGRATE);
            assertTrue(output.contains("recorded with another checksum") && output.contains("002-roles"), output);
        }
    }

    @Test
    void aChangesetOfALaterReleaseDoesNotStopThisOneFromStarting() throws Exception {
        // what a rollback finds: the release after this one added a changeset this one does not know
        try (ScratchDatabase db = migrated("start_later_release")) {
            db.execute("insert into databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum)"
                    + " values ('099-later', 'chosen', 'db/changes/099-later.xml', now(), 99, 'EXECUTED', '9:0f')");
            for (Map<String, String> layout : List.of(Map.<String, String>of(), DOES_NOT_MIGRATE)) {
                try (PackagedApp app = start(db, "later-release-" + layout.size(), layout)) {
                    app.awaitOk(ready(app), START_TIMEOUT);
                }
            }
        }
    }

    @Test
    void twoProcessesStartingAtOnceOnAnEmptyDatabaseMigrateItOnce() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("start_together");
                PackagedApp first = start(db, "together-1", Map.of());
                PackagedApp second = start(db, "together-2", Map.of())) {
            first.awaitOk(ready(first), START_TIMEOUT);
            second.awaitOk(ready(second), START_TIMEOUT);
            // each changeset ran once: a second run would have failed on the tables the first one made
            assertEquals(everyChangeset(db), db.lines(HISTORY));
        }
    }

    private static ScratchDatabase migrated(String name) throws Exception {
        ScratchDatabase db = ScratchDatabase.create(name);
        Liquibase liquibase = db.liquibase(CHANGELOG);
        apply(liquibase, changesetIds(liquibase).size());
        return db;
    }

    private static List<String> everyChangeset(ScratchDatabase db) throws Exception {
        return changesetIds(db.liquibase(CHANGELOG));
    }

    private static PackagedApp start(ScratchDatabase db, String name, Map<String, String> extra) {
        return start(db, log(name), extra);
    }

    private static PackagedApp start(ScratchDatabase db, Path log, Map<String, String> extra) {
        int port = PackagedApp.freePort();
        Map<String, String> env = PackagedApp.environment(db.settings(), port);
        env.putAll(extra);
        return PackagedApp.start(PackagedApp.command(Path.of("target"), System.getProperty("java.home")), env, port, log);
    }

    /** Starts the application, waits for it to exit on its own, and answers its output. */
    private static String exitOutput(ScratchDatabase db, String name, Map<String, String> extra) throws Exception {
        Path log = log(name);
        try (PackagedApp app = start(db, log, extra)) {
            assertTrue(app.process().waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "still running");
            assertNotEquals(0, app.process().exitValue(), () -> read(log));
        }
        return read(log);
    }

    private static HttpRequest.Builder ready(PackagedApp app) {
        return HttpRequest.newBuilder(app.uri("/q/health/ready"));
    }

    private static Path log(String name) {
        return Path.of("target", "schema-at-start-" + name + ".log");
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
