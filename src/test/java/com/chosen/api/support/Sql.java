package com.chosen.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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
