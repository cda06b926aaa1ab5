package com.chosen.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.buffer.Buffer;

/**
 * Random secrets (refresh tokens, reset codes) and the digests kept in their place. A secret of
 * 80 bits or more cannot be guessed, so a fast SHA-256 digest is enough to store it: unlike a
 * password, it needs no slow hash. The generator lives in a bean, created when the service runs,
 * so that no seed is ever built into a native executable.
 */
@ApplicationScoped
public class Secrets {

    private final SecureRandom random = new SecureRandom();

    byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** 256 random bits, URL-safe (43 characters). */
    String randomToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    static Buffer digest(String text) {
        try {
            return Buffer.buffer(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
