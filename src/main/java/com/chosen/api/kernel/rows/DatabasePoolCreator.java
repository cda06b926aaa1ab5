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
 * Bounds how long a request can wait on the database, so that a database that is gone, slow or
 * frozen (a stopped server, a network partition: connections that stay open but never answer) costs
 * a 503 within seconds instead of requests that hang and a pool that fills (see
 * {@link com.chosen.api.kernel.problem.DatabaseFailures}):
 * <ul>
 * <li>{@code chosen.db.connect-timeout}: a connection attempt;</li>
 * <li>{@code chosen.db.acquire-timeout}: a wait for a pooled connection, and at most
 * {@code chosen.db.max-waiting} requests wait at all (the next is refused at once);</li>
 * <li>{@code chosen.db.statement-timeout}: a statement; PostgreSQL cancels one that runs longer
 * ({@code statement_timeout}).</li>
 * </ul>
 * A server that stops answering altogether cannot cancel anything: {@code chosen.http.request-timeout}
 * answers such requests (see HttpLayerProblems).
 * Quarkus has no settings for these, hence the pool creator.
 */
@Singleton
public class DatabasePoolCreator implements PgPoolCreator {

    @ConfigProperty(name = "chosen.db.connect-timeout")
    Duration connectTimeout;

    @ConfigProperty(name = "chosen.db.acquire-timeout")
    Duration acquireTimeout;

    @ConfigProperty(name = "chosen.db.max-waiting")
    int maxWaiting;

    @ConfigProperty(name = "chosen.db.statement-timeout")
    Duration statementTimeout;

    @Override
    public Pool create(Input input) {
        input.pgConnectOptionsList().forEach(options -> options
                .setConnectTimeout((int) connectTimeout.toMillis())
                .addProperty("statement_timeout", Long.toString(statementTimeout.toMillis())));
        PoolOptions poolOptions = input.poolOptions()
                .setConnectionTimeout((int) acquireTimeout.toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxWaitQueueSize(maxWaiting);
        return PgBuilder.pool()
                .with(poolOptions)
                .connectingTo(List.<SqlConnectOptions>copyOf(input.pgConnectOptionsList()))
                .using(input.vertx())
                .build();
    }
}
