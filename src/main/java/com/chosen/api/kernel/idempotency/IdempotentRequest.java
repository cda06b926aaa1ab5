package com.chosen.api.kernel.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.chosen.api.kernel.problem.Problem;
import com.chosen.api.kernel.problem.ProblemException;

/**
 * A request sent with an Idempotency-Key, as it is stored: the digest of its scope (whose key it is)
 * and key, which names the stored answer, and its fingerprint, which tells a retry of the request
 * from another request sent under the same key. Neither holds the key or the body in clear: the
 * fingerprint is an HMAC keyed with the key, so a copy of the table cannot test guesses of a
 * registration's password.
 */
final class IdempotentRequest {

    static final int MAX_KEY_LENGTH = 255;

    private final byte[] keyDigest;
    private final byte[] fingerprint;

    private IdempotentRequest(byte[] keyDigest, byte[] fingerprint) {
        this.keyDigest = keyDigest;
        this.fingerprint = fingerprint;
    }

    /** {@code key} as sent in {@code scope} for {@code method path} with {@code body}; a malformed key is a 400. */
    static IdempotentRequest of(String key, String scope, String method, String path, String body) {
        if (!isWellFormed(key)) {
            throw new ProblemException(Problem.of(400, "Idempotency-Key is malformed", List.of(new Problem.FieldError(
                    Idempotency.HEADER, "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters (a UUID, say)"))),
                    Map.of());
        }
        return new IdempotentRequest(sha256(scope + '\n' + key),
                hmacSha256(key, method + ' ' + path + '\n' + body));
    }

    static boolean isWellFormed(String key) {
        return !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch(c -> c > ' ' && c < 0x7f);
    }

    byte[] keyDigest() {
        return keyDigest;
    }

    byte[] fingerprint() {
        return fingerprint;
    }

    /** The PostgreSQL advisory lock that requests with this key take in turn: the digest's first 64 bits. */
    long lockId() {
        return ByteBuffer.wrap(keyDigest).getLong();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] hmacSha256(String key, String text) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return hmac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
