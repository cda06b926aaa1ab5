package com.chosen.api.migration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.chosen.api.support.PostgresResource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * A database of its own on the test PostgreSQL, created empty and dropped afterwards, so that
 * migrations can be applied and rolled back without touching the application's database. Liquibase
 * runs on one connection (which it switches to manual commit); {@link #sql()} is a second one for
 * reading and writing rows, in auto-commit, as another client of the database would.
 */
public final class ScratchDatabase implements AutoCloseable {

    public static final String CHANGELOG = "db/changelog.xml";

    // the whole schema as comparable lines: columns, constraints, indexes and each table's row count
    private static final String SCHEMA = """
            select 'column ' || table_name || '.' || column_name || ' ' || data_type
                   || coalesce('(' || character_maximum_length || ')', '')
                   || case when is_nullable = 'NO' then ' not null' else '' end
                   || case when is_identity = 'YES' then ' identity' else '' end
                   || coalesce(' default ' || column_default, '')
              from information_schema.columns
             where table_schema = 'public' and table_name not like 'databasechangelog%'
            union all
            select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
              from pg_constraint
             where connamespace = 'public'::regnamespace and conrelid::regclass::text not like 'databasechangelog%'
            union all
            select 'index ' || indexdef
              from pg_indexes
             where schemaname = 'public' and tablename not like 'databasechangelog%'
            union all
            select 'rows ' || table_name || ' ' || (xpath('/row/n/text()',
                   query_to_xml(format('select count(*) as n from %I', table_name), false, true, '')))[1]::text
              from information_schema.tables
             where table_schema = 'public' and table_name not like 'databasechangelog%'
            order by 1
            """;

    private final String name;
    private final Connection sql;
    private final List<Liquibase> migrations = new ArrayList<>();

    private ScratchDatabase(String name) throws SQLException {
        this.name = name;
        try (Connection server = connect(PostgresResource.jdbcUrl()); Statement statement = server.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        this.sql = connect(jdbcUrl());
    }

    public static ScratchDatabase create(String name) throws SQLException {
        return new ScratchDatabase(name);
    }

    public String jdbcUrl() {
        return PostgresResource.jdbcUrl().replaceAll("/postgres$", "/" + name);
    }

    /**
     * The settings of {@link PostgresResource#databaseAndKeys()} with both datasources on this database,
     * for an application process started by a test.
     */
    public Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(PostgresResource.databaseAndKeys());
        settings.replaceAll((name, value) -> name.startsWith("quarkus.datasource.") && name.endsWith(".url")
                ? value.replaceAll("/postgres$", "/" + this.name) : value);
        return settings;
    }

    /** An auto-commit connection for test rows and checks. */
    Connection sql() {
        return sql;
    }

    /** Liquibase for {@code changelog} (a class path resource) on a connection of its own. */
    public Liquibase liquibase(String changelog) throws SQLException, LiquibaseException {
        Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(),
                new JdbcConnection(connect(jdbcUrl())));
        migrations.add(liquibase);
        return liquibase;
    }

    /** Applies the next {@code count} changesets that have not run, as the start-up migration would. */
    public static void apply(Liquibase liquibase, int count) throws LiquibaseException {
        liquibase.update(count, new Contexts(), new LabelExpression());
    }

    /** Rolls back the last changeset that ran, with its own rollback. */
    static void rollBackLast(Liquibase liquibase) throws LiquibaseException {
        liquibase.rollback(1, new Contexts(), new LabelExpression());
    }

    public static List<String> changesetIds(Liquibase liquibase) throws LiquibaseException {
        return liquibase.getDatabaseChangeLog().getChangeSets().stream().map(ChangeSet::getId).toList();
    }

    /** The schema (and row counts) as sorted lines, to compare two states of the database. */
    List<String> schema() throws SQLException {
        return lines(SCHEMA);
    }

    /** The rows of a query, each as one line of its columns separated by " | ". */
    public List<String> lines(String query) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = sql.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder line = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    line.append(column == 1 ? "" : " | ").append(rows.getString(column));
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }

    public void execute(String statement) throws SQLException {
        try (Statement sqlStatement = sql.createStatement()) {
            sqlStatement.execute(statement);
        }
    }

    @Override
    public void close() throws Exception {
        for (Liquibase liquibase : migrations) {
            liquibase.close();
        }
        sql.close();
        try (Connection server = connect(PostgresResource.jdbcUrl()); Statement statement = server.createStatement()) {
            statement.execute("drop database " + name + " with (force)");
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }
}
