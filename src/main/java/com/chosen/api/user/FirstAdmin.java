package com.chosen.api.user;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.Validator;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import com.chosen.api.kernel.problem.DatabaseFailures;
import com.chosen.api.kernel.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The first admin, from {@code CHOSEN_ADMIN_EMAIL} / {@code CHOSEN_ADMIN_PASSWORD}
 * ({@code chosen.admin.email} / {@code chosen.admin.password}), so that a fresh installation can be
 * administered. Safe to repeat: an absent account is created with the roles user and admin; an
 * existing one that holds admin is left alone; an existing one without admin gets it, keeping its
 * password, only if that password is the configured one. Registration verifies no email, so anyone
 * may have registered the address before the operator chose it: such a squatter gets nothing, and
 * the start says so loudly. Several replicas starting at once race only in the database: the unique
 * email index lets exactly one creation win, and the others find the account it created.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);
    // bounds the wait at start-up; the work is one lookup, at most one hash (or a check) and two short transactions
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "chosen.admin.email")
    Optional<String> email;

    @ConfigProperty(name = "chosen.admin.password")
    Optional<String> password;

    @Inject
    Accounts accounts;

    @Inject
    PasswordHasher passwordHasher;

    @Inject
    Validator validator;

    // runs after SchemaAtStart, the first StartupEvent observer, has made the schema current
    void onStart(@Observes StartupEvent event) {
        if (email.isEmpty() && password.isEmpty()) {
            return;
        }
        if (email.isEmpty() || password.isEmpty()) {
            throw new IllegalStateException("Set both CHOSEN_ADMIN_EMAIL and CHOSEN_ADMIN_PASSWORD, or neither");
        }
        ensure(email.get(), password.get());
    }

    /**
     * Makes {@code email} an admin, creating the account with {@code password} if it does not exist;
     * answers whether it holds admin now. Blocks until done: it runs at start-up, before the service
     * takes requests.
     */
    public boolean ensure(String email, String password) {
        NewUser admin = new NewUser(email, password, null);
        String rules = validator.validate(admin).stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                .sorted().collect(Collectors.joining("; "));
        if (!rules.isEmpty()) {
            // never the password itself, only the rule it breaks
            throw new IllegalArgumentException("The first admin's " + rules);
        }
        String address = User.normalisedEmail(email);
        return awaitOnVertxContext(() -> find(address)
                .chain(existing -> existing != null ? Uni.createFrom().item(existing) : create(admin, address))
                .chain(user -> user.roleNames().contains(Roles.ADMIN)
                        ? Uni.createFrom().item(true)
                        : promoteIfProven(user, password)));
    }

    private static Uni<User> find(String address) {
        return Panache.withSession(() -> User.findByEmailWithRoles(address));
    }

    private Uni<User> create(NewUser admin, String address) {
        return accounts.create(admin, Roles.ADMIN)
                .invoke(user -> LOG.infof("Created the first admin %s", user.email))
                // someone created it a moment ago (another replica, or a registration): the account
                // exists now, and is judged like any existing one
                .onFailure(failure -> DatabaseFailures.sqlState(failure)
                        .filter(DatabaseFailures.UNIQUE_VIOLATION::equals).isPresent())
                .recoverWithUni(() -> find(address));
    }

    /** An existing account becomes admin only by proving it is the operator's: it has the configured password. */
    private Uni<Boolean> promoteIfProven(User user, String password) {
        return passwordHasher.verify(password, user.passwordHash).chain(proven -> {
            if (proven) {
                return grantAdmin(user.email).replaceWith(true);
            }
            LOG.errorf("NOT granting admin: CHOSEN_ADMIN_EMAIL names the existing account %s, whose password is not "
                    + "CHOSEN_ADMIN_PASSWORD. If the account is yours, set CHOSEN_ADMIN_PASSWORD to its password and "
                    + "restart; otherwise someone else registered the address: choose another CHOSEN_ADMIN_EMAIL.",
                    user.email);
            return Uni.createFrom().item(false);
        });
    }

    /**
     * Grants admin unless the user holds it. The row lock makes grants by replicas starting at once
     * apply one after the other, each reading the roles the one before left. A grant is a change of
     * the user: it moves {@code updated_at} and the version, as an update through the API does.
     */
    private Uni<Void> grantAdmin(String address) {
        return Panache.withTransaction(() -> User.<User>find("email", address)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .call(user -> Mutiny.fetch(user.roles))
                .chain(user -> user.roleNames().contains(Roles.ADMIN)
                        ? Uni.createFrom().voidItem()
                        : Role.named(List.of(Roles.ADMIN)).invoke(admin -> {
                            user.roles.addAll(admin);
                            user.touch();
                            LOG.infof("Granted the role admin to the existing user %s", address);
                        }).replaceWithVoid()));
    }

    // Hibernate Reactive runs on a Vert.x context, which the start-up thread does not have
    private static <T> T awaitOnVertxContext(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> work.get().ifNoItem().after(STARTUP_LIMIT).fail());
        } catch (RuntimeException | Error failure) {
            throw failure;
        } catch (Throwable failure) {
            throw new IllegalStateException(failure);
        }
    }
}
