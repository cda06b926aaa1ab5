package com.chosen.api.kernel.problem;

import java.net.SocketException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.JDBCException;
import org.hibernate.StaleStateException;

import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Classifies failures that come from PostgreSQL or from the way to it. The database is the last
 * line of defence for uniqueness and references (it is right even under concurrency), so its
 * verdicts become client errors; an unreachable database becomes 503 so that clients retry.
 */
public final class DatabaseFailures {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String FOREIGN_KEY_VIOLATION = "23503";

    private DatabaseFailures() {
    }

    public static Optional<Problem> problemFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String sqlState = sqlStateOf(t);
            if (sqlState != null) {
                return Optional.ofNullable(problemFor(sqlState));
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return Optional.of(Problem.of(409, "The row was changed by another request; fetch it again and retry"));
            }
            if (isConnectionFailure(t)) {
                return Optional.of(unavailable());
            }
        }
        return Optional.empty();
    }

    /** The SQLSTATE of the PostgreSQL error behind a failure, if there is one. */
    public static Optional<String> sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String sqlState = sqlStateOf(t);
            if (sqlState != null) {
                return Optional.of(sqlState);
            }
        }
        return Optional.empty();
    }

    /**
     * Answers {@code problem} instead when {@code write} fails because PostgreSQL refused it with
     * {@code sqlState} (a constraint violation): the caller knows which value or row is behind it and
     * can say so, where {@link #problemFor} could only give a generic detail.
     */
    public static <T> Uni<T> refusalAs(Uni<T> write, String sqlState, Supplier<ProblemException> problem) {
        return write.onFailure(failure -> sqlState(failure).filter(sqlState::equals).isPresent())
                .transform(failure -> problem.get());
    }

    // Hibernate Reactive reports PostgreSQL errors as JDBC exceptions; the raw client as PgException
    private static String sqlStateOf(Throwable t) {
        if (t instanceof JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        if (t instanceof PgException pg) {
            return pg.getSqlState();
        }
        return null;
    }

    private static Problem problemFor(String sqlState) {
        if (sqlState == null) {
            return null;
        }
        return switch (sqlState) {
            case UNIQUE_VIOLATION -> Problem.of(409, "A row with the same unique value already exists");
            case FOREIGN_KEY_VIOLATION -> Problem.of(409, "The row is referenced by other rows");
            // invalid byte sequence / untranslatable character: text PostgreSQL cannot store
            case "22021", "22P05" -> Problem.of(422, "Text contains characters that cannot be stored");
            // deadlock or serialization failure: safe for the client to retry
            case "40001", "40P01" -> Problem.of(503, "The request conflicted with another one; retry it");
            // query_canceled: the statement ran past chosen.db.statement-timeout
            default -> sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.equals("53300")
                    || sqlState.equals("57014") ? unavailable() : null;
        };
    }

    private static boolean isConnectionFailure(Throwable t) {
        // a connection refused (ConnectException) or broken under a statement ("Connection reset")
        return t instanceof SocketException
                || t instanceof ClosedConnectionException
                || t instanceof NoStackTraceTimeoutException
                || t instanceof TimeoutException
                // chosen.db.max-waiting requests wait for a connection already
                || t instanceof ConnectionPoolTooBusyException
                // the pool's "Timeout" (waiting for a connection) after chosen.db.acquire-timeout
                || t instanceof NoStackTraceThrowable && "Timeout".equals(t.getMessage())
                || t instanceof VertxException && t.getMessage() != null && t.getMessage().startsWith("Timeout");
    }

    private static Problem unavailable() {
        return Problem.of(503, "The database is unavailable; retry shortly");
    }
}
