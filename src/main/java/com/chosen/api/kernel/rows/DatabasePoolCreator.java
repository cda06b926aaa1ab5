package com.chosen.api.kernel.rows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;

/**
 * Bounds how long a request can wait on an unreachable database: a connection attempt gives up
 * after {@code chosen.db.connect-timeout}, a wait for a pooled connection after
 * {@code chosen.db.acquire-timeout}; either answers 503 (see {@link DatabaseFailures}). Quarkus has
 * no setting for these, hence the pool creator.
 */
@Singleton
public class DatabasePoolCreator implements PgPoolCreator {

    @ConfigProperty(name = "chosen.db.connect-timeout")
    Duration connectTimeout;

    @ConfigProperty(name = "chosen.db.acquire-timeout")
    Duration acquireTimeout;

    @Override
    public Pool create(Input input) {
        input.pgConnectOptionsList().forEach(options -> options.setConnectTimeout((int) connectTimeout.toMillis()));
        PoolOptions poolOptions = input.poolOptions()
                .setConnectionTimeout((int) acquireTimeout.toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        return PgBuilder.pool()
                .with(poolOptions)
                .connectingTo(List.<SqlConnectOptions>copyOf(input.pgConnectOptionsList()))
                .using(input.vertx())
                .build();
    }
}
