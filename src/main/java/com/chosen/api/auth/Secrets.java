package com.chosen.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

    /**
     * The token that follows {@code token} under {@code salt}: HMAC-SHA256 keyed with the token, 256
     * bits, URL-safe. Whoever presents the token again can be answered its successor again, from the
     * salt alone; whoever holds only the salt (a copy of the database) cannot compute it.
     */
    static String successor(String token, byte[] salt) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac.doFinal(salt));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static Buffer digest(String text) {
        try {
            return Buffer.buffer(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
