package com.chosen.api.auth;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.chosen.api.kernel.problem.ProblemException;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Slows down guessing across every replica. Failed logins and wrong password-reset codes are counted
 * per email (known or not) <em>and client address</em>, so that failures from one address lock that
 * address out of that email and nobody else: the owner, elsewhere, still logs in. They are counted per
 * client address across all emails as well, so that one address spraying guesses over many emails
 * (each login costs a password hash, even for an unknown email) is refused before it keeps the
 * hashing queue busy for everyone. Reset mails are counted per email only: that limit protects the
 * mailbox, wherever the requests come from. Each count allows a number of attempts per window, which
 * starts at the first attempt. An attempt is taken before the secret is checked (so concurrent
 * guesses cannot slip past the limit); a success clears the count of its email and address and gives
 * its attempt back to the address. With none left, every attempt, even with the right secret, is a
 * 429 whose Retry-After says when the window ends. The counts live in PostgreSQL (table
 * {@code login_attempts}, keyed by a digest: neither emails nor addresses are stored), the one store
 * every replica shares, so that N replicas do not give N times the guesses and a restart forgets
 * nothing; one statement per attempt, the database's clock deciding when a window ends.
 * {@link com.chosen.api.kernel.rows.ExpiredRows} removes the windows that ended.
 */
@ApplicationScoped
public class AttemptThrottle {

    /** What is counted, and what a 429 calls it. */
    public enum Purpose {
        LOGIN("failed logins"),
        PASSWORD_RESET_CODE("wrong password-reset codes"),
        PASSWORD_RESET_MAIL("password-reset mails");

        private final String attempts;

        Purpose(String attempts) {
            this.attempts = attempts;
        }

        /** The key counted, a name that no other purpose, email or address can have; an empty email counts the address alone. */
        private String key(String email, String clientAddress) {
            return name() + '\0' + email + '\0' + clientAddress;
        }
    }

    // a first attempt opens a window; an attempt after the window ended opens a new one
    private static final String COUNTED = """
            ON CONFLICT (email_digest) DO UPDATE SET
                attempts = CASE WHEN a.window_ends <= now() THEN 1 ELSE a.attempts + 1 END,
                window_ends = CASE WHEN a.window_ends <= now() THEN EXCLUDED.window_ends ELSE a.window_ends END
            RETURNING a.email_digest = $2 AS first_key, a.attempts,
                ceil(extract(epoch FROM a.window_ends - now()))::bigint AS seconds_left""";
    private static final String ATTEMPT = """
            INSERT INTO login_attempts AS a (email_digest, attempts, window_ends)
            VALUES ($2, 1, now() + make_interval(secs => $1))
            """ + COUNTED;
    private static final String TWO_ATTEMPTS = """
            INSERT INTO login_attempts AS a (email_digest, attempts, window_ends)
            VALUES ($2, 1, now() + make_interval(secs => $1)), ($3, 1, now() + make_interval(secs => $1))
            """ + COUNTED;
    private static final String SUCCEEDED = """
            WITH cleared AS (DELETE FROM login_attempts WHERE email_digest = $1)
            UPDATE login_attempts SET attempts = attempts - 1
            WHERE email_digest = $2 AND attempts > 0 AND window_ends > now()""";

    @ConfigProperty(name = "chosen.login-throttle.max-failures")
    int maxFailures;

    @ConfigProperty(name = "chosen.login-throttle.max-failures-per-address")
    int maxFailuresPerAddress;

    @ConfigProperty(name = "chosen.login-throttle.window")
    Duration window;

    @ConfigProperty(name = "chosen.password-reset.max-mails")
    int maxMails;

    @ConfigProperty(name = "chosen.password-reset.mail-window")
    Duration mailWindow;

    @Inject
    Pool database;

    /**
     * Takes one attempt for a (lower-case) email from a client address, or fails with 429 and
     * Retry-After when none is left for the two, or for the address.
     */
    public Uni<Void> admit(Purpose purpose, String email, String clientAddress) {
        return database.preparedQuery(TWO_ATTEMPTS)
                .execute(Tuple.of(seconds(window), digest(purpose, email, clientAddress), digest(purpose, "", clientAddress)))
                .invoke(counts -> {
                    for (Row count : counts) {
                        boolean perEmail = count.getBoolean("first_key");
                        if (count.getInteger("attempts") > (perEmail ? maxFailures : maxFailuresPerAddress)) {
                            long seconds = Math.max(1, count.getLong("seconds_left"));
                            throw ProblemException.tooManyRequests("Too many " + purpose.attempts
                                    + (perEmail ? " for this email" : " from this network address") + "; retry in "
                                    + seconds + " seconds", seconds);
                        }
                    }
                }).replaceWithVoid();
    }

    /** Takes one attempt for a (lower-case) email, wherever it comes from: whether it was within the limit. */
    public Uni<Boolean> allows(Purpose purpose, String email) {
        return database.preparedQuery(ATTEMPT).execute(Tuple.of(seconds(mailWindow), digest(purpose, email, "")))
                .map(counts -> counts.iterator().next().getInteger("attempts") <= maxMails);
    }

    /** After a success, the failures of the email from this address no longer count, nor this attempt for the address. */
    public Uni<Void> succeeded(Purpose purpose, String email, String clientAddress) {
        return database.preparedQuery(SUCCEEDED)
                .execute(Tuple.of(digest(purpose, email, clientAddress), digest(purpose, "", clientAddress)))
                .replaceWithVoid();
    }

    // package-private for tests, which find the counts by it
    static Buffer digest(Purpose purpose, String email, String clientAddress) {
        return Secrets.digest(purpose.key(email, clientAddress));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
