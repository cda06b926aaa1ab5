package com.chosen.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.chosen.api.kernel.problem.ProblemException;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Slows down password guessing against one email, known or not, across every replica: each email
 * has {@code chosen.login-throttle.max-failures} attempts per {@code chosen.login-throttle.window},
 * which starts at its first attempt. A login attempt takes one before the password is checked (so
 * concurrent guesses cannot slip past the limit); a successful login clears the email's count. With
 * none left, every attempt, even with the right password, is a 429 whose Retry-After says when the
 * window ends, so a guesser can lock an account only until then. The counts live in PostgreSQL
 * (table {@code login_attempts}), the one store every replica shares, so that N replicas do not give
 * N times the guesses and a restart forgets nothing; one statement per attempt, the database's clock
 * deciding when a window ends. Ended windows are removed once per window.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);

    // a first attempt opens a window; an attempt after the window ended opens a new one
    private static final String ATTEMPT = """
            INSERT INTO login_attempts AS a (email_digest, attempts, window_ends)
            VALUES ($1, 1, now() + make_interval(secs => $2))
            ON CONFLICT (email_digest) DO UPDATE SET
                attempts = CASE WHEN a.window_ends <= now() THEN 1 ELSE a.attempts + 1 END,
                window_ends = CASE WHEN a.window_ends <= now() THEN now() + make_interval(secs => $2) ELSE a.window_ends END
            RETURNING a.attempts, ceil(extract(epoch FROM a.window_ends - now()))::bigint AS seconds_left""";
    private static final String CLEAR = "DELETE FROM login_attempts WHERE email_digest = $1";
    private static final String FORGET_ENDED = "DELETE FROM login_attempts WHERE window_ends <= now()";

    @ConfigProperty(name = "chosen.login-throttle.max-failures")
    int maxFailures;

    @ConfigProperty(name = "chosen.login-throttle.window")
    Duration window;

    @Inject
    Pool database;

    @Inject
    Vertx vertx;

    private long cleanupTimer = -1;

    void start(@Observes StartupEvent event) {
        cleanupTimer = vertx.setPeriodic(window.toMillis(), tick -> database.query(FORGET_ENDED).execute()
                .subscribe().with(removed -> { }, failure -> LOG.debugf("Ended login windows not removed: %s", failure)));
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(cleanupTimer);
    }

    /** Takes one attempt for a (lower-case) email, or fails with 429 and Retry-After when none is left. */
    public Uni<Void> admit(String email) {
        return database.preparedQuery(ATTEMPT).execute(Tuple.of(digest(email), window.toMillis() / 1000.0))
                .map(rows -> rows.iterator().next())
                .invoke(this::refuseBeyondTheLimit)
                .replaceWithVoid();
    }

    /** After a successful login, the email's earlier failures no longer count. */
    public Uni<Void> succeeded(String email) {
        return database.preparedQuery(CLEAR).execute(Tuple.of(digest(email))).replaceWithVoid();
    }

    private void refuseBeyondTheLimit(Row attempt) {
        if (attempt.getInteger("attempts") > maxFailures) {
            long seconds = Math.max(1, attempt.getLong("seconds_left"));
            throw ProblemException.tooManyRequests("Too many failed logins for this email; retry in "
                    + seconds + " seconds", seconds);
        }
    }

    private static Buffer digest(String email) {
        try {
            return Buffer.buffer(MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
