package com.chosen.api.kernel.rows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Instants as PostgreSQL keeps them: to the microsecond, so that what an answer shows is what a
 * later read returns.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A client's date-time (any offset) as the stored instant; {@code null} stays {@code null}. */
    public static Instant of(OffsetDateTime dateTime) {
        return dateTime == null ? null : dateTime.toInstant().truncatedTo(ChronoUnit.MICROS);
    }
}
