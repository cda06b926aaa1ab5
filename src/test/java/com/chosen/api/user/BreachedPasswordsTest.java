package com.chosen.api.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BreachedPasswordsTest {

    @Test
    void theMostCommonBreachedPasswordsAreKnownWhateverTheirLetterCase() {
        assertTrue(BreachedPasswords.contains("password1"));
        assertTrue(BreachedPasswords.contains("12345678"));
        assertTrue(BreachedPasswords.contains("iloveyou"));
        assertTrue(BreachedPasswords.contains("ILoveYou"));
        assertTrue(BreachedPasswords.contains("qwertyuiop"));
    }

    @Test
    void aPassphraseOfYourOwnIsNot() {
        assertFalse(BreachedPasswords.contains("correct horse battery staple"));
        assertFalse(BreachedPasswords.contains("password1 "));
        assertFalse(BreachedPasswords.contains(""));
    }
}
