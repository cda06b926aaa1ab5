package com.chosen.api.user;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.chosen.api.kernel.problem.UniqueValues;
import com.chosen.api.kernel.rows.Rows;
import com.chosen.api.kernel.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The one place that creates accounts, for registration and for the first admin: the email
 * lower-case, the password as an Argon2id hash, the role {@code user} and any other role asked for.
 */
@ApplicationScoped
public class Accounts {

    @Inject
    PasswordHasher passwordHasher;

    /**
     * The password hash of a new account, made before the transaction that writes the account, so
     * that the transaction, and its connection, last only while the rows are written.
     */
    public Uni<String> passwordHash(NewUser account) {
        return passwordHasher.hash(account.password());
    }

    /**
     * A new account with the role user and {@code passwordHash} (see {@link #passwordHash}); an email
     * already registered, in any letter case, is a 409 naming it.
     */
    public Uni<User> register(NewUser account, String passwordHash) {
        return UniqueValues.conflictAs(create(account, passwordHash, List.of()),
                "Email " + User.normalisedEmail(account.email()) + " is already registered");
    }

    /**
     * Creates the account with the role user and {@code moreRoles}. An email already registered
     * fails with PostgreSQL's unique violation: the unique index decides, so two creations of one
     * email at the same moment cannot both win.
     */
    Uni<User> create(NewUser account, String... moreRoles) {
        return passwordHash(account).chain(hash -> create(account, hash, List.of(moreRoles)));
    }

    private static Uni<User> create(NewUser account, String passwordHash, List<String> moreRoles) {
        List<String> roleNames = new ArrayList<>(moreRoles);
        roleNames.add(Roles.USER);
        return Panache.withTransaction(() -> Role.named(roleNames).chain(roles -> {
            User user = new User();
            user.email = User.normalisedEmail(account.email());
            user.passwordHash = passwordHash;
            user.fullName = account.fullName();
            user.roles.addAll(roles);
            return Rows.create(user);
        }));
    }
}
