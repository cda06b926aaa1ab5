package com.chosen.api.user;

import io.smallrye.mutiny.Uni;

/**
 * Whether a password is the one of the account with an email, each answer counted as a guess of it:
 * {@code auth} provides this with its login throttle, so that checking a password anywhere (a login,
 * the current password of a password change) draws on the same limited number of guesses.
 */
public interface PasswordCheck {

    /**
     * The user with this (lower-case) email, with their roles, if the password is theirs; {@code null}
     * otherwise, in about the same time whether or not the email has an account. Fails with 429 when
     * too many guesses were made.
     */
    Uni<User> userWithPassword(String email, String password);
}
