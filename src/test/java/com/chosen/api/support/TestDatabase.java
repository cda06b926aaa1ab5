package com.chosen.api.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Declares {@link PostgresResource} once for the whole run: a global test resource applies to every
 * Quarkus test, so the application boots once, not per class.
 */
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
public final class TestDatabase {

    private TestDatabase() {
    }
}
