package com.chosen.api.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.util.KeyUtils;

/**
 * The public keys that verify access tokens, as the JWK Set (RFC 7517) another service verifies them
 * with: read from exactly what SmallRye JWT verifies with ({@code mp.jwt.verify.publickey.location},
 * or the key dev mode generates), once per process, as SmallRye reads it. A JWK Set file gives its
 * keys with their {@code kid}; a single PEM key (the configuration of earlier releases, and dev mode)
 * gives one key without {@code kid}, which is what its tokens carry. Only public members are
 * published, whatever the file holds.
 */
@ApplicationScoped
public class VerificationKeys {

    @Inject
    JWTAuthContextInfo verification;

    private volatile String published;

    /** The JWK Set document, {@code {"keys":[...]}}. */
    public String jwkSet() {
        String document = published;
        if (document == null) {
            document = JsonUtil.toJson(Map.of("keys", publicMembers(keys(content()))));
            published = document;
        }
        return document;
    }

    private String content() {
        if (verification.getPublicKeyContent() != null) {
            return verification.getPublicKeyContent();
        }
        try {
            return KeyUtils.readKeyContent(verification.getPublicKeyLocation());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonWebKey> keys(String content) {
        List<JsonWebKey> jwks = KeyUtils.loadJsonWebKeys(content);
        if (jwks != null) {
            return jwks;
        }
        try {
            return List.of(PublicJsonWebKey.Factory.newPublicJwk(KeyUtils.decodePublicKey(content)));
        } catch (GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("The verification key is neither a JWK Set, a JWK nor a PEM public key", e);
        }
    }

    private static List<Map<String, Object>> publicMembers(List<JsonWebKey> keys) {
        return keys.stream().map(key -> key.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)).toList();
    }
}
