package com.chosen.api.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.chosen.api.auth.AttemptThrottle.Purpose;
import com.chosen.api.kernel.request.ClientAddress;
import com.chosen.api.user.PasswordCheck;
import com.chosen.api.user.PasswordHasher;
import com.chosen.api.user.User;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Password checks as failed logins count them, per email and client address: an attempt is taken
 * before the check (so that concurrent guesses cannot slip past the limit), and a right password
 * clears the failures.
 */
@ApplicationScoped
class ThrottledPasswordCheck implements PasswordCheck {

    @Inject
    AttemptThrottle throttle;

    @Inject
    PasswordHasher passwordHasher;

    @Inject
    ClientAddress clientAddress;

    @Override
    public Uni<User> userWithPassword(String email, String password) {
        String address = clientAddress.value();
        return throttle.admit(Purpose.LOGIN, email, address)
                // the session closes before the slow hash check, so a burst of checks does not hold
                // every pooled connection while it hashes
                .chain(() -> Panache.withSession(() -> User.findByEmailWithRoles(email)))
                .chain(user -> passwordHasher.verify(password, user == null ? null : user.passwordHash)
                        .chain(matches -> matches
                                ? throttle.succeeded(Purpose.LOGIN, email, address).replaceWith(user)
                                : Uni.createFrom().nullItem()));
    }
}
