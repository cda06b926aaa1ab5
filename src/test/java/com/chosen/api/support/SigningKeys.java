package com.chosen.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

/**
 * Token keys in the files production mounts (docs/operating.md, Rotating the token keys): the signing
 * key, a private JWK with its {@code kid}, and the verification keys, a JWK Set of public keys.
 */
public final class SigningKeys {

    public static final String SIGNING_KEY = "signing-key.json";
    public static final String VERIFICATION_KEYS = "verification-keys.json";

    private SigningKeys() {
    }

    /** A new RS256 key pair named {@code kid}. */
    public static RsaJsonWebKey generate(String kid) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            key.setAlgorithm("RS256");
            key.setUse("sig");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code signing} as the signing key and {@code verifying} as the verification keys into {@code directory}. */
    public static void write(Path directory, RsaJsonWebKey signing, List<RsaJsonWebKey> verifying) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(SIGNING_KEY), signing.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            Files.writeString(directory.resolve(VERIFICATION_KEYS),
                    new JsonWebKeySet(verifying).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configuration properties that make the service sign and verify with the files in {@code directory}. */
    public static Map<String, String> settings(Path directory) {
        return Map.of(
                "smallrye.jwt.sign.key.location", directory.resolve(SIGNING_KEY).toString(),
                "mp.jwt.verify.publickey.location", directory.resolve(VERIFICATION_KEYS).toString());
    }
}
