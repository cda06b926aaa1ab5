package com.chosen.api.migration;

import static com.chosen.api.migration.ScratchDatabase.CHANGELOG;
import static com.chosen.api.migration.ScratchDatabase.apply;
import static com.chosen.api.migration.ScratchDatabase.changesetIds;
import static com.chosen.api.migration.ScratchDatabase.rollBackLast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.tool.schema.spi.DelayedDropRegistryNotAvailableImpl;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.exception.LiquibaseException;

/**
 * The schema history is safe to run: each test migrates a scratch database of its own (never the
 * application's). The application itself starts in tests only when Hibernate finds every entity in the
 * schema the changesets built ({@code %test.quarkus.hibernate-orm.schema-management.strategy=validate}).
 */
@QuarkusTest
class SchemaHistoryTest {

    @Inject
    Mutiny.SessionFactory sessionFactory;

    @Test
    void theEntitiesMatchTheMigratedSchemaAndAMismatchIsCaught() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("scratch_drift")) {
            Liquibase liquibase = db.liquibase(CHANGELOG);
            List<String> ids = changesetIds(liquibase);
            apply(liquibase, ids.size());
            validateEntitiesAgainst(db);

            // a history behind the entities: rolled back to before cars.category_id
            for (int applied = ids.size(); applied > ids.indexOf("010-cars-add-category"); applied--) {
                rollBackLast(liquibase);
            }
            SchemaManagementException drift = assertThrows(SchemaManagementException.class,
                    () -> validateEntitiesAgainst(db));
            assertTrue(drift.getMessage().contains("missing column [category_id] in table [cars]"), drift.getMessage());
        }
    }

    @Test
    void everyChangesetRollsBackAndReappliesFromTheLatestToTheFirst() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("scratch_rollback")) {
            Liquibase liquibase = db.liquibase(CHANGELOG);
            List<String> ids = changesetIds(liquibase);
            // schemaAfter.get(n): the schema once the first n changesets ran
            List<List<String>> schemaAfter = new ArrayList<>();
            schemaAfter.add(db.schema());
            for (int n = 1; n <= ids.size(); n++) {
                apply(liquibase, 1);
                schemaAfter.add(db.schema());
            }
            for (int n = ids.size(); n >= 1; n--) {
                String id = ids.get(n - 1);
                rollBackLast(liquibase);
                assertEquals(schemaAfter.get(n - 1), db.schema(), "rolling back " + id);
                apply(liquibase, 1);
                assertEquals(schemaAfter.get(n), db.schema(), "applying " + id + " again");
                rollBackLast(liquibase);
            }
            assertEquals(List.of(), db.schema(), "rolling back every changeset leaves no table");
            assertEquals(List.of("0"), db.lines("select count(*) from databasechangelog"));
        }
    }

    @Test
    void rowsSurviveTheColorAndCategorySteps() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("scratch_data")) {
            Liquibase liquibase = db.liquibase(CHANGELOG);
            List<String> ids = changesetIds(liquibase);
            apply(liquibase, ids.indexOf("006-cars") + 1);
            for (String name : List.of("Beetle", "Golf", "Passat")) {
                db.execute("insert into cars (name, created_at, updated_at) values ('" + name + "', now(), now())");
            }
            String carColumns = "select id, name, created_at, updated_at, version from cars order by id";
            List<String> cars = db.lines(carColumns);
            assertEquals(3, cars.size());

            applyNext(liquibase, ids, "007-cars-add-color");
            assertEquals(cars, db.lines(carColumns));
            assertEquals(List.of("3"), db.lines("select count(*) from cars where color is null"));
            db.execute("update cars set color = 'red' where name = 'Golf'");

            applyNext(liquibase, ids, "008-cars-drop-color");
            assertEquals(cars, db.lines(carColumns));
            assertEquals(List.of(), db.lines(
                    "select column_name from information_schema.columns where table_name = 'cars' and column_name = 'color'"));

            applyNext(liquibase, ids, "009-categories");
            applyNext(liquibase, ids, "009-categories-unique-name");
            db.execute("insert into categories (name, created_at, updated_at) values ('Compact', now(), now())");

            applyNext(liquibase, ids, "010-cars-add-category");
            assertEquals(cars, db.lines(carColumns));
            assertEquals(List.of("3"), db.lines("select count(*) from cars where category_id is null"));
            db.execute("update cars set category_id = (select id from categories) where name = 'Golf'");
            SQLException orphan = assertThrows(SQLException.class,
                    () -> db.execute("update cars set category_id = 999999 where name = 'Beetle'"));
            assertEquals("23503", orphan.getSQLState());

            applyNext(liquibase, ids, "010-cars-category-index");
            assertEquals(cars, db.lines(carColumns));
            assertEquals(List.of("Golf | Compact"),
                    db.lines("select c.name, k.name from cars c join categories k on k.id = c.category_id"));

            // and back down: taking the category link away keeps the cars
            rollBackLast(liquibase);
            rollBackLast(liquibase);
            assertEquals(cars, db.lines(carColumns));
        }
    }

    @Test
    void aFailingChangesetLeavesTheSchemaAsItWasAndReleasesTheLock() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("scratch_failure")) {
            Liquibase current = db.liquibase(CHANGELOG);
            apply(current, changesetIds(current).size());
            List<String> schemaBefore = db.schema();
            String history = "select id, filename, orderexecuted from databasechangelog order by orderexecuted";
            List<String> historyBefore = db.lines(history);

            // the next release: the same history plus a changeset that fails after its first change ran
            Liquibase next = db.liquibase("db/failing-changelog.xml");
            // the call the start-up migration makes (SchemaAtStart); it rethrows, and the application does not start
            LiquibaseException failure = assertThrows(LiquibaseException.class,
                    () -> next.update(new Contexts(), new LabelExpression()));
            assertTrue(failure.getMessage().contains("test-fails-halfway"), failure.getMessage());

            // the changeset ran in one transaction: its added column went with it, and nothing was recorded
            assertEquals(schemaBefore, db.schema());
            assertEquals(historyBefore, db.lines(history));
            assertEquals(List.of("f"), db.lines("select locked from databasechangeloglock"));
            // so the release before it still finds everything in place and starts
            current.validate();
            apply(current, changesetIds(current).size());
            assertEquals(schemaBefore, db.schema());
        }
    }

    private static void applyNext(Liquibase liquibase, List<String> ids, String expectedId) throws Exception {
        assertEquals(expectedId, liquibase.listUnrunChangeSets(new Contexts()).get(0).getId(),
                "the history runs in the order " + ids);
        apply(liquibase, 1);
    }

    /**
     * Hibernate's schema validation, the one the application runs at start-up, over every entity of the
     * application, against the scratch database (through JDBC, since the reactive pool is bound to the
     * application's own database).
     */
    private void validateEntitiesAgainst(ScratchDatabase db) {
        Map<String, Object> settings = Map.of(
                AvailableSettings.JAKARTA_JDBC_URL, db.jdbcUrl(),
                AvailableSettings.JAKARTA_JDBC_USER, "postgres",
                AvailableSettings.JAKARTA_JDBC_PASSWORD, "postgres",
                AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "validate");
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            sessionFactory.getMetamodel().getEntities().forEach(entity -> sources.addAnnotatedClass(entity.getJavaType()));
            SchemaManagementToolCoordinator.process(sources.buildMetadata(), registry, settings,
                    DelayedDropRegistryNotAvailableImpl.INSTANCE);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }
}
