package com.chosen.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Reset codes carry all 80 random bits, in characters nobody misreads, and are read back as typed. */
class ResetCodesTest {

    @Test
    void tenBytesAreSixteenCharactersInFourGroupsWithoutAmbiguousLetters() {
        assertEquals("0000-0000-0000-0000", ResetCodes.format(new byte[10]));
        byte[] ones = new byte[10];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        assertEquals("ZZZZ-ZZZZ-ZZZZ-ZZZZ", ResetCodes.format(ones));
        // 0x08 0x42 ... is 00001 00001 00001 ... in groups of five bits
        assertEquals("1111-1111-1111-1111", ResetCodes.format(new byte[] { 0x08, 0x42, 0x10, (byte) 0x84, 0x21,
                0x08, 0x42, 0x10, (byte) 0x84, 0x21 }));
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            byte[] bytes = new byte[10];
            random.nextBytes(bytes);
            assertTrue(ResetCodes.format(bytes).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"));
        }
    }

    @Test
    void everyBitCounts() {
        Set<String> codes = new HashSet<>();
        for (int bit = 0; bit < 80; bit++) {
            byte[] bytes = new byte[10];
            bytes[bit / 8] = (byte) (1 << (bit % 8));
            codes.add(ResetCodes.format(bytes));
        }
        assertEquals(80, codes.size());
        assertNotEquals(ResetCodes.format(new byte[10]), ResetCodes.format(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 }));
    }

    @Test
    void onlyTenBytesMakeACode() {
        assertThrows(IllegalArgumentException.class, () -> ResetCodes.format(new byte[9]));
    }

    @Test
    void aCodeIsReadBackWhateverItsCaseDashesAndSpacesAndLookAlikes() {
        String canonical = ResetCodes.normalised("7QKM-2X9D-HC4R-N8TB");
        assertEquals("7QKM2X9DHC4RN8TB", canonical);
        assertEquals(canonical, ResetCodes.normalised("7qkm2x9dhc4rn8tb"));
        assertEquals(canonical, ResetCodes.normalised(" 7QKM 2X9D\tHC4R-N8TB "));
        assertEquals(ResetCodes.normalised("1010-0000-0000-0000"), ResetCodes.normalised("IoLO-oooo-0000-0000"));
        assertNotEquals(canonical, ResetCodes.normalised("7QKM-2X9D-HC4R-N8TC"));
    }
}
