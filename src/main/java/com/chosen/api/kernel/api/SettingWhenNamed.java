package com.chosen.api.kernel.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * A feature an operator turns on by naming what it needs (an origin, a collector), with no second
 * switch to remember: once one of {@code named} has a value, this source gives {@code property} its
 * {@code value} at {@code ordinal}. It only ever says "on": what a factory answers while the
 * application is built becomes a default baked into the native executable, so the "off" must come
 * from elsewhere (Quarkus' default or application.properties), never from here.
 */
abstract class SettingWhenNamed implements ConfigSourceFactory {

    private final String sourceName;
    private final List<String> named;
    private final Map<String, String> setting;
    private final int ordinal;

    SettingWhenNamed(String sourceName, List<String> named, String property, String value, int ordinal) {
        this.sourceName = sourceName;
        this.named = named;
        this.setting = Map.of(property, value);
        this.ordinal = ordinal;
    }

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (named.stream().map(context::getValue).noneMatch(SettingWhenNamed::isNamed)) {
            return List.of();
        }
        return List.of(new MapBackedConfigSource(sourceName, setting, ordinal) {
        });
    }

    // named by someone: an extension's own default (e.g. the collector localhost:4317) comes from a
    // default-values source, whose ordinal is negative
    private static boolean isNamed(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank()
                && value.getConfigSourceOrdinal() >= 0;
    }
}
