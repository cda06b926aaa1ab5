package com.chosen.api.kernel.problem;

import io.smallrye.mutiny.Uni;

/**
 * Uniqueness is enforced by the database (a unique index wins every race); this turns its verdict
 * into a 409 that names the value, instead of checking first and racing.
 */
public final class UniqueValues {

    private UniqueValues() {
    }

    public static <T> Uni<T> conflictAs(Uni<T> write, String detail) {
        return DatabaseFailures.refusalAs(write, DatabaseFailures.UNIQUE_VIOLATION,
                () -> ProblemException.conflict(detail));
    }
}
