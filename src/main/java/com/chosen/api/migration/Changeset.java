package com.chosen.api.migration;

/**
 * One changeset as Liquibase records it in {@code databasechangelog}: identified by id, author and
 * file, with the checksum of its content ({@code md5sum}, e.g. {@code 9:0f3c...}).
 */
public record Changeset(String id, String author, String filename, String checksum) {

    /** What identifies a changeset, whatever its content. */
    String key() {
        return filename + "::" + id + "::" + author;
    }
}
