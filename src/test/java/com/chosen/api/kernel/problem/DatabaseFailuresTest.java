package com.chosen.api.kernel.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.HibernateException;
import org.hibernate.JDBCException;
import org.hibernate.StaleStateException;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** What PostgreSQL's verdicts, and a database out of reach, become for the client. */
class DatabaseFailuresTest {

    // as Hibernate Reactive reports a PostgreSQL error
    private static Throwable fromHibernate(String sqlState) {
        return new JDBCException("statement failed", new SQLException("refused", sqlState));
    }

    // as the reactive PostgreSQL client reports it
    private static Throwable fromTheClient(String sqlState) {
        return new PgException("refused", "ERROR", sqlState, null);
    }

    private static int statusFor(Throwable failure) {
        return DatabaseFailures.problemFor(failure).orElseThrow().status();
    }

    @Test
    void aUniqueViolationIsAConflict() {
        Problem problem = DatabaseFailures.problemFor(fromHibernate("23505")).orElseThrow();
        assertEquals(409, problem.status());
        assertEquals("A row with the same unique value already exists", problem.detail());
        assertEquals(409, statusFor(fromTheClient("23505")));
    }

    @Test
    void aForeignKeyViolationIsAConflictWithTheRowsThatReferToIt() {
        Problem problem = DatabaseFailures.problemFor(fromHibernate("23503")).orElseThrow();
        assertEquals(409, problem.status());
        assertEquals("The row is referenced by other rows", problem.detail());
    }

    @Test
    void textPostgresCannotStoreIsUnprocessable() {
        assertEquals(422, statusFor(fromHibernate("22021")));
        assertEquals(422, statusFor(fromTheClient("22P05")));
    }

    @Test
    void aDeadlockOrSerializationFailureIsWorthARetry() {
        assertEquals(503, statusFor(fromHibernate("40001")));
        assertEquals(503, statusFor(fromHibernate("40P01")));
    }

    @Test
    void aLostConnectionAShutdownOrTooManyConnectionsMeanTheDatabaseIsUnavailable() {
        for (String sqlState : new String[] { "08000", "08006", "57P01", "57P03", "53300" }) {
            Problem problem = DatabaseFailures.problemFor(fromTheClient(sqlState)).orElseThrow();
            assertEquals(503, problem.status(), sqlState);
            assertEquals("The database is unavailable; retry shortly", problem.detail(), sqlState);
        }
    }

    @Test
    void failingToReachTheDatabaseMeansItIsUnavailable() {
        assertEquals(503, statusFor(new ConnectException("Connection refused")));
        assertEquals(503, statusFor(ClosedConnectionException.INSTANCE));
        // PostgreSQL stopped under a statement, as Hibernate Reactive reports it
        assertEquals(503, statusFor(new HibernateException(new SocketException("Connection reset"))));
        assertEquals(503, statusFor(new NoStackTraceTimeoutException("connect timed out")));
        assertEquals(503, statusFor(new TimeoutException()));
        // the pool's answer once chosen.db.acquire-timeout has passed
        assertEquals(503, statusFor(new VertxException("Timeout waiting for connection")));
    }

    @Test
    void aRowChangedByAnotherRequestIsAConflict() {
        assertEquals(409, statusFor(new OptimisticLockException("stale")));
        assertEquals(409, statusFor(new StaleStateException("Unexpected row count")));
    }

    @Test
    void theVerdictIsFoundBehindWrappingExceptions() {
        Throwable wrapped = new CompletionException(new IllegalStateException("flush failed", fromTheClient("23505")));
        assertEquals(409, statusFor(wrapped));
        assertEquals(Optional.of("23505"), DatabaseFailures.sqlState(wrapped));
        assertEquals(503, statusFor(new RuntimeException(new ConnectException("Connection refused"))));
    }

    @Test
    void anythingElseIsNotADatabaseVerdict() {
        assertTrue(DatabaseFailures.problemFor(new IllegalStateException("a bug")).isEmpty());
        assertTrue(DatabaseFailures.problemFor(new VertxException("Connection reset by peer, not a timeout")).isEmpty());
        assertTrue(DatabaseFailures.problemFor(fromHibernate("42P01")).isEmpty());
        assertTrue(DatabaseFailures.problemFor(fromHibernate(null)).isEmpty());
        assertTrue(DatabaseFailures.sqlState(new IllegalStateException("a bug")).isEmpty());
    }

    @Test
    void aRefusalBecomesTheProblemChosenForItAndOnlyThatRefusal() {
        ProblemException unknownCategory = ProblemException.invalidField("category_id", "category 9 does not exist");
        Uni<String> refused = Uni.createFrom().failure(fromHibernate(DatabaseFailures.FOREIGN_KEY_VIOLATION));
        assertSame(unknownCategory, assertThrows(ProblemException.class, () -> DatabaseFailures
                .refusalAs(refused, DatabaseFailures.FOREIGN_KEY_VIOLATION, () -> unknownCategory).await().indefinitely()));

        Throwable duplicate = fromHibernate(DatabaseFailures.UNIQUE_VIOLATION);
        assertSame(duplicate, assertThrows(JDBCException.class, () -> DatabaseFailures
                .refusalAs(Uni.createFrom().failure(duplicate), DatabaseFailures.FOREIGN_KEY_VIOLATION, () -> unknownCategory)
                .await().indefinitely()));

        assertEquals("written", DatabaseFailures.refusalAs(Uni.createFrom().item("written"),
                DatabaseFailures.FOREIGN_KEY_VIOLATION, () -> unknownCategory).await().indefinitely());
    }
}
