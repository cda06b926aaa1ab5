package com.chosen.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The successor of a refresh token: the same again for the same token and salt, and nothing anyone else can compute. */
class SecretsTest {

    private static final byte[] SALT = "a salt of thirty-two random byte".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theSameTokenAndSaltGiveTheSameSuccessorOfTheRefreshTokensShape() {
        String successor = Secrets.successor("Jq3dN0b2mVd7sYH1pXl4uQk9rZ8wT6eA5cF0gB2hI3j", SALT);
        assertEquals(successor, Secrets.successor("Jq3dN0b2mVd7sYH1pXl4uQk9rZ8wT6eA5cF0gB2hI3j", SALT.clone()));
        assertTrue(successor.matches("[A-Za-z0-9_-]{43}"), successor);
    }

    @Test
    void anotherTokenOrAnotherSaltGiveAnotherSuccessor() {
        String successor = Secrets.successor("Jq3dN0b2mVd7sYH1pXl4uQk9rZ8wT6eA5cF0gB2hI3j", SALT);
        assertNotEquals(successor, Secrets.successor("Jq3dN0b2mVd7sYH1pXl4uQk9rZ8wT6eA5cF0gB2hI3k", SALT));
        byte[] otherSalt = SALT.clone();
        otherSalt[0] ^= 1;
        assertNotEquals(successor, Secrets.successor("Jq3dN0b2mVd7sYH1pXl4uQk9rZ8wT6eA5cF0gB2hI3j", otherSalt));
    }
}
