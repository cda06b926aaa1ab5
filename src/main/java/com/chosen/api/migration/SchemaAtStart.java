package com.chosen.api.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.chosen.api.kernel.problem.DatabaseFailures;

import io.quarkus.liquibase.LiquibaseFactory;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

import liquibase.Liquibase;
import liquibase.exception.LiquibaseException;

/**
 * Makes sure the schema is the one this build needs before anything else starts (the first observer
 * of {@link StartupEvent}, which Quarkus fires before it opens the HTTP port). One query on
 * {@code databasechangelog}, on the reactive pool, compares the database with the changesets listed
 * at build time ({@link BuildChangesets}):
 * <ul>
 * <li>every changeset there, each with the same checksum: nothing to do, and Liquibase (a JDBC
 * connection, the changelog lock, its own reads) is not started at all;
 * <li>anything else, and this process may migrate ({@code quarkus.liquibase.enabled}, the default):
 * Liquibase runs as Quarkus' {@code migrate-at-start} would, under a PostgreSQL advisory lock, so that of
 * several processes starting at once one migrates and the others wait and find nothing left; an
 * edited changeset stops the start with Liquibase's validation message;
 * <li>anything else, and migrations belong to someone else (the Kubernetes Deployment, whose init Job
 * migrates, runs with {@code QUARKUS_LIQUIBASE_ENABLED=false}): the start fails, naming what differs.
 * </ul>
 * Quarkus' own {@code migrate-at-start} only runs in that init Job ({@code quarkus.init-and-exit}),
 * which exits before this observer is called.
 */
@ApplicationScoped
public class SchemaAtStart {

    private static final Logger LOG = Logger.getLogger(SchemaAtStart.class);
    private static final String UNDEFINED_TABLE = "42P01";
    // bounds the check at start-up; an unreachable database fails sooner (chosen.db.connect-timeout)
    private static final Duration CHECK_LIMIT = Duration.ofSeconds(30);
    // the key of the PostgreSQL advisory lock that migrating processes take in turn
    private static final long MIGRATION_LOCK = 0x63686f73656eL;

    @Inject
    Pool database;

    @Inject
    Instance<LiquibaseFactory> liquibase;

    @Inject
    Instance<DataSource> jdbc;

    @ConfigProperty(name = "quarkus.liquibase.enabled", defaultValue = "true")
    boolean migrates;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        Optional<List<Changeset>> build = BuildChangesets.read();
        if (build.isEmpty()) {
            migrateOrRefuse("no list of this build's changesets matching its changelog (" + BuildChangesets.LIST + ")");
            return;
        }
        SchemaState state = SchemaState.of(build.get(), recorded().await().atMost(CHECK_LIMIT));
        if (state.current()) {
            LOG.infof("Schema current: all %d changesets of this build are applied", build.get().size());
            return;
        }
        migrateOrRefuse(state.toString());
    }

    private Uni<List<Changeset>> recorded() {
        return database.query("SELECT id, author, filename, md5sum FROM databasechangelog").execute()
                .map(rows -> {
                    List<Changeset> changesets = new ArrayList<>();
                    for (Row row : rows) {
                        changesets.add(new Changeset(row.getString("id"), row.getString("author"),
                                row.getString("filename"), row.getString("md5sum")));
                    }
                    return changesets;
                })
                // a database Liquibase never ran on
                .onFailure(failure -> DatabaseFailures.sqlState(failure).filter(UNDEFINED_TABLE::equals).isPresent())
                .recoverWithItem(List.of());
    }

    private void migrateOrRefuse(String reason) {
        if (!migrates) {
            throw new IllegalStateException("The database schema is not the one this release needs (" + reason
                    + "), and this process does not migrate (QUARKUS_LIQUIBASE_ENABLED=false): run the migrations "
                    + "first (the init Job chosen-api-liquibase-init)");
        }
        LOG.infof("Migrating the schema: %s", reason);
        // one process at a time, from before Liquibase's first look at its tables: on an empty database,
        // processes starting at once could each find no history table and try to create it, before
        // Liquibase's own lock orders them
        try (Connection lockHolder = jdbc.get().getConnection()) {
            advisoryLock(lockHolder, "pg_advisory_lock");
            try {
                LiquibaseFactory factory = liquibase.get();
                try (Liquibase migration = factory.createLiquibase()) {
                    migration.update(factory.createContexts(), factory.createLabels());
                }
            } finally {
                // a pooled connection keeps its session, and so the lock, when it is closed
                advisoryLock(lockHolder, "pg_advisory_unlock");
            }
        } catch (LiquibaseException | SQLException e) {
            throw new IllegalStateException("Migrating the schema failed: " + e.getMessage(), e);
        }
    }

    private static void advisoryLock(Connection connection, String function) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT " + function + "(" + MIGRATION_LOCK + ")");
        }
    }
}
