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

    /** A new account with the role user; an email already registered, in any letter case, is a 409 naming it. */
    public Uni<User> register(NewUser account) {
        return UniqueValues.conflictAs(create(account),
                "Email " + User.normalisedEmail(account.email()) + " is already registered");
    }

    /**
     * Creates the account with the role user and {@code moreRoles}. An email already registered
     * fails with PostgreSQL's unique violation: the unique index decides, so two creations of one
     * email at the same moment cannot both win.
     */
    Uni<User> create(NewUser account, String... moreRoles) {
        List<String> roleNames = new ArrayList<>(List.of(moreRoles));
        roleNames.add(Roles.USER);
        // hash first: the transaction, and its connection, last only while the rows are written
        return passwordHasher.hash(account.password())
                .chain(hash -> Panache.withTransaction(() -> Role.named(roleNames).chain(roles -> {
                    User user = new User();
                    user.email = User.normalisedEmail(account.email());
                    user.passwordHash = hash;
                    user.fullName = account.fullName();
                    user.roles.addAll(roles);
                    return Rows.create(user);
                })));
    }
}
