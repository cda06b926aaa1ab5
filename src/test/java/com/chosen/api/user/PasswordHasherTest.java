package com.chosen.api.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How many Argon2 hashes run at once: what a quarter of the heap holds, at least one, at most one per core. */
class PasswordHasherTest {

    private static final long MIB = 1024 * 1024;

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
