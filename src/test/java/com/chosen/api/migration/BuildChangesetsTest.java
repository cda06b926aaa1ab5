package com.chosen.api.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list of this build's changesets (written at {@code process-classes}) is used only with the
 * changelog files it was made from.
 */
class BuildChangesetsTest {

    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void theListStartsWithTheFirstChangesetAndCarriesLiquibaseChecksums() {
        List<Changeset> changesets = BuildChangesets.read().orElseThrow();
        assertEquals(new Changeset("001-users", "chosen", "db/changes/001-users.xml", changesets.get(0).checksum()),
                changesets.get(0));
        assertTrue(changesets.stream().allMatch(changeset -> changeset.checksum().startsWith("9:")), changesets::toString);
    }

    @Test
    void aChangesetEditedAfterTheListWasMadeMakesTheListUnusable(@TempDir Path copy) throws Exception {
        copyChangelog(copy);
        assertTrue(readFrom(copy).isPresent());

        Path users = copy.resolve("db/changes/001-users.xml");
        Files.writeString(users, Files.readString(users).replace("varchar(200)", "varchar(300)"));
        assertEquals(Optional.empty(), readFrom(copy));
    }

    @Test
    void aChangelogFileAddedAfterTheListWasMadeMakesTheListUnusable(@TempDir Path copy) throws Exception {
        copyChangelog(copy);
        Path changelog = copy.resolve(BuildChangesets.CHANGELOG);
        Files.writeString(changelog, Files.readString(changelog).replace("</databaseChangeLog>",
                "    <include file=\"db/changes/011-gyms.xml\"/>\n</databaseChangeLog>"));
        assertEquals(Optional.empty(), readFrom(copy));
    }

    @Test
    void noListNoShortcut(@TempDir Path copy) throws Exception {
        copyChangelog(copy);
        Files.delete(copy.resolve(BuildChangesets.LIST));
        assertEquals(Optional.empty(), readFrom(copy));
    }

    private static void copyChangelog(Path copy) throws Exception {
        try (Stream<Path> files = Files.walk(CLASSES.resolve("db"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(CLASSES.relativize(file));
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    /** What a process whose class path holds {@code classes} (and nothing else) reads. */
    private static Optional<List<Changeset>> readFrom(Path classes) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, null)) {
            thread.setContextClassLoader(loader);
            return BuildChangesets.read();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
