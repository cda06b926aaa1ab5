package com.chosen.api.migration;

import static com.chosen.api.migration.ScratchDatabase.CHANGELOG;
import static com.chosen.api.migration.ScratchDatabase.apply;
import static com.chosen.api.migration.ScratchDatabase.changesetIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;

/**
 * What the start-up check relies on, against real migrations on a scratch database; the start
 * itself, in every state of the schema, is {@code SchemaAtStartIT}.
 */
@QuarkusTest
class SchemaAtStartTest {

    private static final String RECORDED = "select id, author, filename, md5sum from databasechangelog order by orderexecuted";

    @Test
    void theListMadeAtBuildTimeIsExactlyWhatLiquibaseRecordsWhenItMigrates() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("scratch_list")) {
            Liquibase liquibase = db.liquibase(CHANGELOG);
            apply(liquibase, changesetIds(liquibase).size());
            List<Changeset> recorded = db.lines(RECORDED).stream().map(line -> line.split(" \\| "))
                    .map(fields -> new Changeset(fields[0], fields[1], fields[2], fields[3])).toList();
            assertEquals(BuildChangesets.read().orElseThrow(), recorded);
            assertTrue(SchemaState.of(BuildChangesets.read().orElseThrow(), recorded).current());
        }
    }

    @Test
    void liquibaseItselfLeavesAChangesetOfALaterReleaseAloneAsTheCheckDoes() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create("scratch_later_release")) {
            Liquibase liquibase = db.liquibase(CHANGELOG);
            apply(liquibase, changesetIds(liquibase).size());
            db.execute("insert into databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum)"
                    + " values ('099-later', 'chosen', 'db/changes/099-later.xml', now(), 99, 'EXECUTED', '9:0f')");
            List<String> before = db.lines(RECORDED);

            db.liquibase(CHANGELOG).update(new Contexts(), new LabelExpression());
            assertEquals(before, db.lines(RECORDED));
        }
    }
}
