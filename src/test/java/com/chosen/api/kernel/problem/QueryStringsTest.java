package com.chosen.api.kernel.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A query string is read as sent, or refused naming the parameter; never read past silently. */
class QueryStringsTest {

    @Test
    void wellFormedQueriesHaveNoFlaw() {
        assertTrue(QueryStrings.flawOf(null).isEmpty());
        assertTrue(QueryStrings.flawOf("").isEmpty());
        assertTrue(QueryStrings.flawOf("limit=20&skip=40").isEmpty());
        assertTrue(QueryStrings.flawOf("from=2026-11-01T00%3A00%3A00%2B01%3A00&flag").isEmpty());
        assertTrue(QueryStrings.flawOf("name=a%3Bb").isEmpty());
    }

    @Test
    void aSemicolonWouldSplitAParameter() {
        assertEquals("limit", QueryStrings.flawOf("limit=1;DROP%20TABLE%20workouts").orElseThrow().field());
        assertEquals("skip", QueryStrings.flawOf("limit=1&skip=0;1").orElseThrow().field());
    }

    @Test
    void aParameterGivenTwiceIsAmbiguous() {
        assertEquals("limit", QueryStrings.flawOf("limit=1&skip=0&limit=2").orElseThrow().field());
        assertEquals("user_id", QueryStrings.flawOf("user%5Fid=1&user_id=2").orElseThrow().field());
    }

    @Test
    void brokenPercentEncodingIsNamed() {
        assertEquals("limit", QueryStrings.flawOf("limit=%zz").orElseThrow().field());
        assertEquals("%zz", QueryStrings.flawOf("%zz=1").orElseThrow().field());
    }
}
