package com.chosen.api.auth;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.chosen.api.auth.AttemptThrottle.Purpose;
import com.chosen.api.kernel.problem.ProblemException;
import com.chosen.api.kernel.request.ClientAddress;
import com.chosen.api.kernel.rows.Rows;
import com.chosen.api.kernel.security.SessionCheck;
import com.chosen.api.user.AccountMails;
import com.chosen.api.user.AccountMails.PasswordChange;
import com.chosen.api.user.PasswordHasher;
import com.chosen.api.user.User;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Forgotten passwords: a code by mail, then the code and a new password. Asking never tells whether
 * the email has an account, in the answer or in its time: the same statement runs either way (it
 * stores a code only when the account exists) and the mail leaves after the answer. A code is 80
 * random bits ({@link ResetCodes}), stored only as a SHA-256 digest, works for
 * {@code chosen.password-reset.code-lifespan} and once: it belongs to the user's session generation,
 * which the new password moves on (ending every session, and every other code, as well); the owner
 * is then told by mail. Wrong codes are throttled per email and client address as logins are; mails
 * per email are limited too, silently, so that nobody
 * can flood a mailbox.
 */
@ApplicationScoped
public class PasswordResets {

    // one statement whether or not the email has an account: the answer's time tells nothing
    private static final String ISSUE = """
            INSERT INTO password_reset_codes (code_digest, user_id, generation, created_at, expires_at)
            SELECT $1, id, session_generation, now(), now() + make_interval(secs => $3) FROM users WHERE email = $2
            RETURNING user_id""";
    private static final String FIND = """
            SELECT c.user_id, c.generation FROM password_reset_codes c JOIN users u ON u.id = c.user_id
            WHERE c.code_digest = $1 AND u.email = $2 AND c.generation = u.session_generation AND c.expires_at > now()""";

    static final String SUBJECT = "Your Chosen password reset code";

    @ConfigProperty(name = "chosen.password-reset.code-lifespan")
    Duration codeLifespan;

    @Inject
    Pool database;

    @Inject
    Secrets secrets;

    @Inject
    AttemptThrottle throttle;

    @Inject
    PasswordHasher passwordHasher;

    @Inject
    AccountMails mails;

    @Inject
    ClientAddress clientAddress;

    @Inject
    SessionCheck sessionCheck;

    /** Mails a code if the (lower-case) email has an account and has not had too many mails lately. */
    public Uni<Void> request(String email) {
        String code = ResetCodes.format(secrets.randomBytes(ResetCodes.RANDOM_BYTES));
        return throttle.allows(Purpose.PASSWORD_RESET_MAIL, email)
                .chain(allowed -> allowed ? issue(email, code) : Uni.createFrom().voidItem());
    }

    /**
     * Sets a new password with a code mailed to the (lower-case) email; a wrong, expired or used code
     * is a 422 on {@code code}, the same whether or not the email has an account.
     */
    public Uni<Void> confirm(String email, String code, String password) {
        String normalised = ResetCodes.normalised(code);
        String address = clientAddress.value();
        return throttle.admit(Purpose.PASSWORD_RESET_CODE, email, address)
                .chain(() -> database.preparedQuery(FIND).execute(Tuple.of(Secrets.digest(normalised), email)))
                // a wrong code costs no password hash
                .map(rows -> rows.size() == 1 ? rows.iterator().next() : null)
                .onItem().ifNull().failWith(PasswordResets::wrongCode)
                .chain(valid -> passwordHasher.hash(password).chain(hash -> setPassword(valid, hash)))
                .call(user -> throttle.succeeded(Purpose.PASSWORD_RESET_CODE, email, address))
                // once committed, so that no request of this replica reads the sessions as they were
                .invoke(user -> sessionCheck.sessionsEnded(user.id))
                .invoke(user -> mails.passwordChanged(user, PasswordChange.BY_RESET_CODE))
                .replaceWithVoid();
    }

    private Uni<Void> issue(String email, String code) {
        return database.preparedQuery(ISSUE)
                .execute(Tuple.of(Secrets.digest(ResetCodes.normalised(code)), email, codeLifespan.toMillis() / 1000.0))
                .invoke(issued -> issued.forEach(row -> mails.send(row.getLong("user_id"), email, SUBJECT, text(email, code))))
                .replaceWithVoid();
    }

    /** Under the user's row lock: a code that another reset (or a password change) used up in the meantime is refused. */
    private Uni<User> setPassword(Row code, String hash) {
        long generation = code.getLong("generation");
        return Panache.withTransaction(() -> Rows.update(User.class, code.getLong("user_id"), null, user -> {
            if (user.sessionGeneration != generation) {
                throw wrongCode();
            }
            user.changePassword(hash);
        }));
    }

    private String text(String email, String code) {
        return """
                Someone, hopefully you, asked to reset the password of the Chosen account %s.

                Your code: %s

                It works once, within %d minutes: send it with your new password to
                POST /api/v1/auth/password-reset/confirm, or enter it where you asked for it.
                Every session of the account ends with the new password.

                If you did not ask for it, ignore this mail: your password stays as it is.
                """.formatted(email, code, codeLifespan.toMinutes());
    }

    private static ProblemException wrongCode() {
        return ProblemException.invalidField("code", "is wrong, has expired or was already used");
    }
}
