package com.chosen.api.kernel.request;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Partial updates: request records of a PUT declare each field as {@code Optional<T>}. A field
 * absent from the body arrives as {@code null} (leave it unchanged), a JSON {@code null} as
 * {@link Optional#empty()} (clear it), a value as {@code Optional.of(value)} (set it).
 */
public final class Patch {

    private Patch() {
    }

    /** Applies one field of a partial update: absent leaves it, null clears it, a value sets it. */
    public static <T> void apply(Optional<T> change, Consumer<T> setter) {
        if (change != null) {
            setter.accept(change.orElse(null));
        }
    }
}
