package com.chosen.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

/** Reads and writes the test database directly, as another replica or the passing of time would. */
public final class Sql {

    private Sql() {
    }

    /** Runs an update; answers how many rows it changed. */
    public static int update(String sql, Object... parameters) {
        try (Connection db = connect(); PreparedStatement statement = prepared(db, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number a {@code select count(*)} answers. */
    public static long count(String sql, Object... parameters) {
        try (Connection db = connect(); PreparedStatement statement = prepared(db, sql, parameters);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code whileHeld} while another transaction holds the row locks {@code lockingQuery} takes
     * (a {@code SELECT ... FOR UPDATE}), as a concurrent writer would; then commits, and answers what
     * {@code whileHeld} answered.
     */
    public static <T> T whileLocked(Supplier<T> whileHeld, String lockingQuery, Object... parameters) {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement lock = prepared(db, lockingQuery, parameters); ResultSet locked = lock.executeQuery()) {
                if (!locked.next()) {
                    throw new IllegalStateException("Nothing to lock: " + lockingQuery);
                }
                T result = whileHeld.get();
                db.commit();
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (at most 5 s) until a statement of the service that names {@code table} waits for a lock. */
    public static void awaitWaitingForALock(String table) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like ?",
                "%" + table + "%") == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No statement on " + table + " waits for a lock");
            }
            Thread.onSpinWait();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
    }

    private static PreparedStatement prepared(Connection db, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
