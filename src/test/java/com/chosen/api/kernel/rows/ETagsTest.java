package com.chosen.api.kernel.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.EntityTag;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The row's version as its entity tag, and If-Match compared strongly against it (RFC 9110 13.1.1). */
class ETagsTest {

    private static final long VERSION = 3;

    @Test
    void theTagIsTheVersionAndStrong() {
        AuditedEntity row = new AuditedEntity() { };
        row.version = VERSION;
        EntityTag tag = ETags.of(row);
        assertEquals("3", tag.getValue());
        assertFalse(tag.isWeak());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "  " })
    void anAbsentOrBlankIfMatchLetsEveryVersionThrough(String ifMatch) {
        assertTrue(ETags.matches(ifMatch, VERSION));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"3\"", "  \"3\" ", "*" })
    void theQuotedCurrentVersionOrAStarMatches(String ifMatch) {
        assertTrue(ETags.matches(ifMatch, VERSION));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"1\", \"3\"", "\"1\",\"3\"", "\"1\", *" })
    void aListMatchesWhenOneOfItsTagsDoes(String ifMatch) {
        assertTrue(ETags.matches(ifMatch, VERSION));
    }

    @ParameterizedTest
    @ValueSource(strings = { "W/\"3\"", "W/\"1\", W/\"3\"" })
    void aWeakTagNeverMatchesBecauseIfMatchComparesStrongly(String ifMatch) {
        assertFalse(ETags.matches(ifMatch, VERSION));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"2\"", "\"33\"", "\"1\", \"2\"", "3", "'3'", "\"3" })
    void anotherVersionOrATagWithoutItsQuotesDoesNotMatch(String ifMatch) {
        assertFalse(ETags.matches(ifMatch, VERSION));
    }
}
