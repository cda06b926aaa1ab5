package com.chosen.api.kernel.rows;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Once a minute each replica removes what can no longer be used: throttle windows that ended,
 * sessions that ended (with their refresh tokens), reset codes that expired, and answers kept for an
 * Idempotency-Key past their retention. Each statement
 * reads an index on its time column, and replicas removing the same rows at once do no harm.
 */
@ApplicationScoped
class ExpiredRows {

    private static final Logger LOG = Logger.getLogger(ExpiredRows.class);
    private static final Duration PERIOD = Duration.ofMinutes(1);
    private static final List<String> REMOVALS = List.of(
            "DELETE FROM login_attempts WHERE window_ends <= now()",
            "DELETE FROM sessions WHERE expires_at <= now()",
            "DELETE FROM password_reset_codes WHERE expires_at <= now()",
            "DELETE FROM idempotency_keys WHERE expires_at <= now()");

    @Inject
    Pool database;

    @Inject
    Vertx vertx;

    private long timer = -1;

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(PERIOD.toMillis(), tick -> REMOVALS.forEach(removal -> database.query(removal).execute()
                .subscribe().with(removed -> { }, failure -> LOG.debugf("Not removed now (%s): %s", removal, failure))));
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(timer);
    }
}
