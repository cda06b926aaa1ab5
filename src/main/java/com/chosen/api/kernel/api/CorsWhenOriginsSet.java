package com.chosen.api.kernel.api;

import java.util.List;

/**
 * CORS is on exactly when origins are configured ({@code QUARKUS_HTTP_CORS_ORIGINS}): browser apps
 * on those origins may call the API, with the headers application.properties exposes and allows.
 * Without origins nothing changes: no CORS headers, and no request refused for its Origin. Below
 * application.properties (250) and the environment (300), above Quarkus' default (false), so an
 * explicit {@code quarkus.http.cors.enabled} still wins.
 */
public class CorsWhenOriginsSet extends SettingWhenNamed {

    static final String ORIGINS = "quarkus.http.cors.origins";
    static final String ENABLED = "quarkus.http.cors.enabled";

    public CorsWhenOriginsSet() {
        super("chosen-cors-when-origins-set", List.of(ORIGINS), ENABLED, "true", 240);
    }
}
