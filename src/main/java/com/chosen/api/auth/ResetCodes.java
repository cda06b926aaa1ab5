package com.chosen.api.auth;

import java.util.Locale;

/**
 * Password-reset codes as people read and type them: 80 random bits as 16 characters of Crockford's
 * base 32 (digits and letters without I, L, O and U), in four groups of four. Read back leniently, as
 * Crockford's decoding does: letter case, dashes and spaces do not matter, and O, I and L stand for
 * 0, 1 and 1.
 */
final class ResetCodes {

    static final int RANDOM_BYTES = 10;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int GROUP = 4;

    private ResetCodes() {
    }

    /** The code of 10 random bytes, e.g. {@code 7QKM-2X9D-HC4R-N8TB}. */
    static String format(byte[] random) {
        if (random.length != RANDOM_BYTES) {
            throw new IllegalArgumentException("A code is made of " + RANDOM_BYTES + " bytes");
        }
        StringBuilder code = new StringBuilder();
        long bits = 0;
        int held = 0;
        for (byte b : random) {
            bits = bits << 8 | (b & 0xFF);
            held += 8;
            while (held >= 5) {
                held -= 5;
                if (!code.isEmpty() && code.length() % (GROUP + 1) == GROUP) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt((int) (bits >>> held) & 31));
            }
        }
        return code.toString();
    }

    /** The code as typed, in the one form its digest is taken of: the 16 characters, upper-case. */
    static String normalised(String typed) {
        StringBuilder code = new StringBuilder(typed.length());
        typed.toUpperCase(Locale.ROOT).chars().forEach(c -> {
            switch (c) {
                case '-', ' ', '\t' -> { }
                case 'O' -> code.append('0');
                case 'I', 'L' -> code.append('1');
                default -> code.appendCodePoint(c);
            }
        });
        return code.toString();
    }
}
