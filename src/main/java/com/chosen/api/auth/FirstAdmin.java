package com.chosen.api.auth;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.chosen.api.kernel.security.Roles;
import com.chosen.api.user.PasswordHasher;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The first admin, from {@code CHOSEN_ADMIN_EMAIL} / {@code CHOSEN_ADMIN_PASSWORD}
 * ({@code chosen.admin.email} / {@code chosen.admin.password}), so that a fresh installation can be
 * administered. Safe to repeat: an absent account is created with the roles user and admin, an
 * existing one gets the role admin and keeps its password. Several replicas starting at once race
 * only in the database, where {@code ON CONFLICT DO NOTHING} lets exactly one insert win and the
 * others carry on.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);
    // bounds the wait at start-up; the work is one lookup, at most one hash and two statements
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(30);

    private static final String CREATE = """
            WITH created AS (
                INSERT INTO users (email, password_hash, created_at, updated_at, version)
                VALUES ($1, $2, now(), now(), 0)
                ON CONFLICT (email) DO NOTHING
                RETURNING id)
            INSERT INTO user_roles (user_id, role_id)
            SELECT created.id, roles.id FROM created CROSS JOIN roles WHERE roles.name IN ($3, $4)""";

    // a grant is a change of the user: it moves updated_at and the version, as an update through the API does
    private static final String GRANT = """
            WITH granted AS (
                INSERT INTO user_roles (user_id, role_id)
                SELECT users.id, roles.id FROM users CROSS JOIN roles WHERE users.email = $1 AND roles.name = $2
                ON CONFLICT DO NOTHING
                RETURNING user_id)
            UPDATE users SET updated_at = now(), version = version + 1 WHERE id IN (SELECT user_id FROM granted)""";

    @ConfigProperty(name = "chosen.admin.email")
    Optional<String> email;

    @ConfigProperty(name = "chosen.admin.password")
    Optional<String> password;

    @Inject
    Pool database;

    @Inject
    PasswordHasher passwordHasher;

    @Inject
    Validator validator;

    // Quarkus fires StartupEvent only after the Liquibase migrations (migrate-at-start) have run
    void onStart(@Observes StartupEvent event) {
        if (email.isEmpty() && password.isEmpty()) {
            return;
        }
        if (email.isEmpty() || password.isEmpty()) {
            throw new IllegalStateException("Set both CHOSEN_ADMIN_EMAIL and CHOSEN_ADMIN_PASSWORD, or neither");
        }
        ensure(email.get(), password.get()).await().atMost(STARTUP_LIMIT);
    }

    /** Makes {@code email} an admin, creating the account with {@code password} if it does not exist. */
    public Uni<Void> ensure(String email, String password) {
        String rules = validator.validate(new RegisterRequest(email, password, null)).stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                .sorted().collect(Collectors.joining("; "));
        if (!rules.isEmpty()) {
            // never the password itself, only the rule it breaks
            return Uni.createFrom().failure(new IllegalArgumentException("The first admin's " + rules));
        }
        String address = email.toLowerCase(Locale.ROOT);
        return database.preparedQuery("SELECT 1 FROM users WHERE email = $1").execute(Tuple.of(address))
                .chain(existing -> existing.size() > 0 ? Uni.createFrom().voidItem() : create(address, password))
                .chain(() -> database.preparedQuery(GRANT).execute(Tuple.of(address, Roles.ADMIN)))
                .invoke(granted -> {
                    if (granted.rowCount() > 0) {
                        LOG.infof("Granted the role admin to the existing user %s", address);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> create(String address, String password) {
        return passwordHasher.hash(password)
                .chain(hash -> database.preparedQuery(CREATE).execute(Tuple.of(address, hash, Roles.USER, Roles.ADMIN)))
                .invoke(created -> {
                    if (created.rowCount() > 0) {
                        LOG.infof("Created the first admin %s", address);
                    }
                })
                .replaceWithVoid();
    }
}
