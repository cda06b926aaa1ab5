package com.chosen.api.kernel.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

/** Server-set timestamps: what PostgreSQL keeps, and always forward. */
class AuditedEntityTest {

    private static Instant touchedAfter(Instant lastUpdate) {
        AuditedEntity row = new AuditedEntity() { };
        row.updatedAt = lastUpdate;
        row.touch();
        return row.updatedAt;
    }

    @Test
    void anUpdateMovesUpdatedAtToNow() {
        Instant anHourAgo = Timestamps.now().minus(1, ChronoUnit.HOURS);
        Instant updated = touchedAfter(anHourAgo);
        assertTrue(updated.isAfter(anHourAgo));
        assertFalse(updated.isAfter(Timestamps.now()));
    }

    @Test
    void anUpdateWithinTheSameMicrosecondStillMovesUpdatedAtForward() {
        // the clock has not moved past the last update (same microsecond, or a clock set back)
        Instant last = Timestamps.now().plus(1, ChronoUnit.HOURS);
        assertEquals(last.plus(1, ChronoUnit.MICROS), touchedAfter(last));
    }

    @Test
    void timestampsKeepMicrosecondsAsPostgresDoes() {
        assertEquals(0, Timestamps.now().getNano() % 1_000);
        assertEquals(Instant.parse("2026-11-21T06:30:00.123456Z"),
                Timestamps.of(OffsetDateTime.parse("2026-11-21T07:30:00.123456789+01:00")));
    }

    @Test
    void aClientDateTimeInAnyOffsetIsTheSameInstant() {
        assertEquals(Timestamps.of(OffsetDateTime.parse("2026-11-21T07:30:00+01:00")),
                Timestamps.of(OffsetDateTime.parse("2026-11-20T20:30:00-10:00")));
        assertNull(Timestamps.of(null));
    }
}
