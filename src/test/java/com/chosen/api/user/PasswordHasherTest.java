package com.chosen.api.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id in the PHC format the stored hashes were written in, and how many hashes run at once: what
 * a quarter of the heap holds, at least one, at most one per core.
 */
class PasswordHasherTest {

    private static final long MIB = 1024 * 1024;
    private static final String PASSWORD = "correct horse battery staple é✓";
    /** Written by password4j 1.8.4, the hasher before this one, for {@link #PASSWORD}. */
    private static final String STORED = "$argon2id$v=19$m=19456,t=2,p=1$8AtixS73SFal2yP3lM9rCg$"
            + "nJ3/vo/qHdL8UxCnHMn5ZhsXsTQG1eonC5435Gf02O0";

    private final Argon2PasswordEncoder argon2id = PasswordHasher.argon2id();

    @Test
    void aHashStoredByTheEarlierHasherStillVerifies() {
        assertTrue(argon2id.matches(PASSWORD, STORED));
        assertFalse(argon2id.matches(PASSWORD.substring(1), STORED));
    }

    @Test
    void newHashesAreArgon2idWithOwaspParametersAndASaltOfTheirOwn() {
        String first = argon2id.encode(PASSWORD);
        String second = argon2id.encode(PASSWORD);

        assertTrue(first.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), first);
        assertNotEquals(first, second);
        assertTrue(argon2id.matches(PASSWORD, first));
        assertTrue(argon2id.matches(PASSWORD, second));
    }

    @Test
    void aMalformedStoredHashMatchesNothing() {
        assertFalse(argon2id.matches(PASSWORD, "$argon2id$v=19$not-a-hash"));
    }

    @Test
    void aSmallHeapHashesOneAtATime() {
        assertEquals(1, PasswordHasher.concurrencyFor(128 * MIB, 2));
        assertEquals(1, PasswordHasher.concurrencyFor(32 * MIB, 2));
    }

    @Test
    void aLargerHeapHashesAsManyAsAQuarterOfItHolds() {
        assertEquals(3, PasswordHasher.concurrencyFor(256 * MIB, 8));
    }

    @Test
    void neverMoreThanOnePerCore() {
        assertEquals(2, PasswordHasher.concurrencyFor(8192 * MIB, 2));
        assertEquals(1, PasswordHasher.concurrencyFor(8192 * MIB, 1));
    }
}
