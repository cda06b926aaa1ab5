package com.chosen.api.kernel.idempotency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.chosen.api.kernel.problem.ProblemException;

class IdempotentRequestTest {

    private static final String BODY = "{\"name\":\"Run\"}";

    @Test
    void aKeyIsOneTo255VisibleAsciiCharacters() {
        assertTrue(IdempotentRequest.isWellFormed("5f0c6a52-8a3e-4a53-9d44-2b2f3c1e7a10"));
        assertTrue(IdempotentRequest.isWellFormed("!"));
        assertTrue(IdempotentRequest.isWellFormed("~".repeat(255)));
        assertFalse(IdempotentRequest.isWellFormed(""));
        assertFalse(IdempotentRequest.isWellFormed("k".repeat(256)));
        assertFalse(IdempotentRequest.isWellFormed("two words"));
        assertFalse(IdempotentRequest.isWellFormed("tab\tkey"));
        assertFalse(IdempotentRequest.isWellFormed("caf\u00e9"));
        assertFalse(IdempotentRequest.isWellFormed("del\u007f"));
    }

    @Test
    void aMalformedKeyIsA400NamingTheHeader() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> IdempotentRequest.of("", "user 1", "POST", "/api/v1/workouts", BODY));
        assertEquals(400, refused.problem().status());
        assertEquals(Idempotency.HEADER, refused.problem().errors().get(0).field());
    }

    @Test
    void theSameKeyInAnotherScopeIsAnotherStoredAnswer() {
        IdempotentRequest ada = IdempotentRequest.of("k1", "user 1", "POST", "/api/v1/workouts", BODY);
        IdempotentRequest bob = IdempotentRequest.of("k1", "user 2", "POST", "/api/v1/workouts", BODY);
        IdempotentRequest again = IdempotentRequest.of("k1", "user 1", "POST", "/api/v1/workouts", BODY);

        assertFalse(Arrays.equals(ada.keyDigest(), bob.keyDigest()));
        assertArrayEquals(ada.keyDigest(), again.keyDigest());
        assertEquals(ada.lockId(), again.lockId());
    }

    @Test
    void theFingerprintTellsAnotherBodyOrRouteFromARetry() {
        byte[] first = IdempotentRequest.of("k1", "user 1", "POST", "/api/v1/workouts", BODY).fingerprint();

        assertArrayEquals(first, IdempotentRequest.of("k1", "user 1", "POST", "/api/v1/workouts", BODY).fingerprint());
        assertFalse(Arrays.equals(first, IdempotentRequest.of("k1", "user 1", "POST", "/api/v1/workouts", "{}").fingerprint()));
        assertFalse(Arrays.equals(first, IdempotentRequest.of("k1", "user 1", "POST", "/api/v1/cars", BODY).fingerprint()));
        // keyed with the key: the same request under another key leaves another fingerprint
        assertFalse(Arrays.equals(first, IdempotentRequest.of("k2", "user 1", "POST", "/api/v1/workouts", BODY).fingerprint()));
    }
}
