package com.chosen.api.auth;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.chosen.api.kernel.problem.ProblemException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Slows down guessing against one email, known or not, across every replica: failed logins, wrong
 * password-reset codes, and reset mails each have their own count per email, of at most a number of
 * attempts per window, which starts at the first attempt. An attempt is taken before the secret is
 * checked (so concurrent guesses cannot slip past the limit); a success clears the email's count.
 * With none left, every attempt, even with the right secret, is a 429 whose Retry-After says when
 * the window ends, so a guesser can lock an account only until then. The counts live in PostgreSQL
 * (table {@code login_attempts}), the one store every replica shares, so that N replicas do not give
 * N times the guesses and a restart forgets nothing; one statement per attempt, the database's clock
 * deciding when a window ends. {@link ExpiredRows} removes the windows that ended.
 */
@ApplicationScoped
public class EmailThrottle {

    /** What is counted, and what a 429 calls it. */
    public enum Purpose {
        LOGIN("failed logins"),
        PASSWORD_RESET_CODE("wrong password-reset codes"),
        PASSWORD_RESET_MAIL("password-reset mails");

        private final String attempts;

        Purpose(String attempts) {
            this.attempts = attempts;
        }

        /** The key counted: a login counts the email itself; the others a name that no email can be. */
        private String key(String email) {
            return this == LOGIN ? email : name() + '\0' + email;
        }
    }

    // a first attempt opens a window; an attempt after the window ended opens a new one
    private static final String ATTEMPT = """
            INSERT INTO login_attempts AS a (email_digest, attempts, window_ends)
            VALUES ($1, 1, now() + make_interval(secs => $2))
            ON CONFLICT (email_digest) DO UPDATE SET
                attempts = CASE WHEN a.window_ends <= now() THEN 1 ELSE a.attempts + 1 END,
                window_ends = CASE WHEN a.window_ends <= now() THEN now() + make_interval(secs => $2) ELSE a.window_ends END
            RETURNING a.attempts, ceil(extract(epoch FROM a.window_ends - now()))::bigint AS seconds_left""";
    private static final String CLEAR = "DELETE FROM login_attempts WHERE email_digest = $1";

    @ConfigProperty(name = "chosen.login-throttle.max-failures")
    int maxFailures;

    @ConfigProperty(name = "chosen.login-throttle.window")
    Duration window;

    @ConfigProperty(name = "chosen.password-reset.max-mails")
    int maxMails;

    @ConfigProperty(name = "chosen.password-reset.mail-window")
    Duration mailWindow;

    @Inject
    Pool database;

    /** Takes one attempt for a (lower-case) email, or fails with 429 and Retry-After when none is left. */
    public Uni<Void> admit(Purpose purpose, String email) {
        return attempt(purpose, email).invoke(attempt -> {
            if (beyondTheLimit(purpose, attempt)) {
                long seconds = Math.max(1, attempt.getLong("seconds_left"));
                throw ProblemException.tooManyRequests("Too many " + purpose.attempts + " for this email; retry in "
                        + seconds + " seconds", seconds);
            }
        }).replaceWithVoid();
    }

    /** Takes one attempt for a (lower-case) email: whether it was within the limit. */
    public Uni<Boolean> allows(Purpose purpose, String email) {
        return attempt(purpose, email).map(attempt -> !beyondTheLimit(purpose, attempt));
    }

    /** After a success, the email's earlier failures no longer count. */
    public Uni<Void> succeeded(Purpose purpose, String email) {
        return database.preparedQuery(CLEAR).execute(Tuple.of(Secrets.digest(purpose.key(email)))).replaceWithVoid();
    }

    private Uni<Row> attempt(Purpose purpose, String email) {
        Duration length = purpose == Purpose.PASSWORD_RESET_MAIL ? mailWindow : window;
        return database.preparedQuery(ATTEMPT)
                .execute(Tuple.of(Secrets.digest(purpose.key(email)), length.toMillis() / 1000.0))
                .map(rows -> rows.iterator().next());
    }

    private boolean beyondTheLimit(Purpose purpose, Row attempt) {
        return attempt.getInteger("attempts") > (purpose == Purpose.PASSWORD_RESET_MAIL ? maxMails : maxFailures);
    }
}
