package com.chosen.api.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * The changesets of this build, listed at build time ({@code process-classes}, see pom.xml) in
 * {@code db/changesets.tsv} with the checksums Liquibase records for them, so that a start can tell
 * in one query whether the database already holds all of them, without Liquibase.
 *
 * <p>The list also carries a digest of the changelog files it was made from; when those differ at
 * run time (a changeset edited or added without a build, as in dev mode), the list is not used and
 * Liquibase decides. The list can only be trusted to say "nothing to do", never to skip a changeset.
 */
public final class BuildChangesets {

    static final String CHANGELOG = "db/changelog.xml";
    static final String LIST = "db/changesets.tsv";
    private static final String DIGEST = "# changelog-sha256 ";

    private BuildChangesets() {
    }

    /**
     * The changesets of this build, if the list made at build time is there and was made from the
     * changelog files this process has.
     */
    static Optional<List<Changeset>> read() {
        String list = resource(LIST).map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse(null);
        if (list == null || !list.startsWith(DIGEST)) {
            return Optional.empty();
        }
        List<Changeset> changesets = new ArrayList<>();
        List<String> lines = list.lines().toList();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t");
            changesets.add(new Changeset(fields[0], fields[1], fields[2], fields[3]));
        }
        String digest = lines.get(0).substring(DIGEST.length());
        return digest(changesets).filter(digest::equals).map(matching -> changesets);
    }

    /** Writes the list into the build's class output directory ({@code args[0]}). */
    public static void main(String[] args) throws IOException, LiquibaseException {
        ResourceAccessor resources = new ClassLoaderResourceAccessor(Thread.currentThread().getContextClassLoader());
        DatabaseChangeLog changelog = ChangeLogParserFactory.getInstance().getParser(CHANGELOG, resources)
                .parse(CHANGELOG, new ChangeLogParameters(), resources);
        List<Changeset> changesets = new ArrayList<>();
        for (ChangeSet changeSet : changelog.getChangeSets()) {
            // these run on conditions the list cannot know (every start, a context, a database kind)
            boolean conditional = changeSet.isAlwaysRun() || changeSet.isRunOnChange()
                    || (changeSet.getContextFilter() != null && !changeSet.getContextFilter().isEmpty())
                    || (changeSet.getLabels() != null && !changeSet.getLabels().isEmpty())
                    || (changeSet.getDbmsSet() != null && !changeSet.getDbmsSet().isEmpty());
            if (conditional) {
                throw new IllegalStateException(changeSet + ": runAlways, runOnChange, context, labels and dbms are not "
                        + "supported (SchemaAtStart could not tell from the list whether it has to run)");
            }
            changesets.add(new Changeset(changeSet.getId(), changeSet.getAuthor(), changeSet.getStoredFilePath(),
                    changeSet.generateCheckSum(ChecksumVersion.latest()).toString()));
        }
        StringBuilder list = new StringBuilder(DIGEST).append(digest(changesets).orElseThrow()).append('\n');
        for (Changeset changeset : changesets) {
            list.append(String.join("\t", changeset.id(), changeset.author(), changeset.filename(), changeset.checksum()))
                    .append('\n');
        }
        Path file = Path.of(args[0]).resolve(LIST);
        Files.createDirectories(file.getParent());
        Files.writeString(file, list);
    }

    /** SHA-256 over the root changelog and every file holding a changeset, as this process reads them. */
    private static Optional<String> digest(List<Changeset> changesets) {
        Set<String> files = new LinkedHashSet<>();
        files.add(CHANGELOG);
        changesets.forEach(changeset -> files.add(changeset.filename()));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String file : files) {
                Optional<byte[]> content = resource(file);
                if (content.isEmpty()) {
                    return Optional.empty();
                }
                sha256.update(file.getBytes(StandardCharsets.UTF_8));
                sha256.update(content.get());
            }
            return Optional.of(HexFormat.of().formatHex(sha256.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<byte[]> resource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
