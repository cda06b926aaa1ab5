package com.chosen.api.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Argon2id (OWASP parameters: 19 MiB, 2 iterations) over the whole password, so every character
 * counts. Hashing is deliberately slow, so it runs on a worker thread, never on the event loop;
 * the result comes back on the caller's context, where the reactive session lives.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    @Inject
    Vertx vertx;

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> Password.hash(password).addRandomSalt(16)
                .with(ARGON2ID).getResult()), false);
    }

    /**
     * Checks a password against a stored hash; with no hash (unknown email) it checks against a
     * dummy one, so that an unknown email costs the same time as a wrong password.
     */
    public Uni<Boolean> verify(String password, String storedHash) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            boolean known = storedHash != null;
            String hash = known ? storedHash : DummyHash.VALUE;
            // parameters come from the stored hash, so raising them later keeps old hashes valid
            boolean matches = Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
            return known && matches;
        }), false);
    }

    // computed on first use, not at start-up
    private static final class DummyHash {
        static final String VALUE = Password.hash("not-a-password-of-anyone").addRandomSalt(16)
                .with(ARGON2ID).getResult();
    }
}
