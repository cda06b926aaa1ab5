package com.chosen.api.user;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;

/**
 * Mails to the owner of an account, sent after the answer: a request never waits for the mail
 * server, nor fails with it. A mail that cannot be sent is logged with the user's id and what it
 * was about, never its text (which may hold a code).
 */
@ApplicationScoped
public class AccountMails {

    static final String PASSWORD_CHANGED = "Your Chosen password was changed";

    private static final Logger LOG = Logger.getLogger(AccountMails.class);

    @Inject
    ReactiveMailer mailer;

    /** How a password was changed, as the notice tells the owner. */
    public enum PasswordChange {
        BY_THE_OWNER("by someone signed in who knew the password"),
        BY_RESET_CODE("with a password-reset code mailed to this address");

        private final String how;

        PasswordChange(String how) {
            this.how = how;
        }
    }

    // not awaited: the answer leaves before the mail, whatever the mail server does
    public void send(long userId, String email, String subject, String text) {
        mailer.send(Mail.withText(email, subject, text)).subscribe().with(
                sent -> LOG.debugf("Mail '%s' sent for user %d", subject, userId),
                failure -> LOG.errorf("Mail '%s' for user %d not sent: %s", subject, userId, failure.toString()));
    }

    /** Tells the owner that their password was changed, when and how, and what to do if it was not them. */
    public void passwordChanged(User user, PasswordChange change) {
        // lines short enough to travel unencoded
        send(user.id, user.email, PASSWORD_CHANGED, """
                The password of your Chosen account %s
                was changed at %s (UTC),
                %s.
                Every session of the account has ended: each device logs in again
                with the new password.

                If this was you, there is nothing to do.

                If it was not you, someone else controls the account. Ask for a
                password-reset code at once (POST /api/v1/auth/password-reset, or
                "Forgot password" where you log in): the code comes to this
                address, and the password you set with it ends every session of
                the intruder. If you did not ask for a reset code yourself, secure
                this mailbox too: its password may be known.
                """.formatted(user.email, user.updatedAt.truncatedTo(ChronoUnit.SECONDS), change.how));
    }
}
