package com.chosen.api.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.chosen.api.support.SigningKeys;

/** {@code scripts/TokenKey.java} writes key files the service signs and verifies with. */
class TokenKeyTest {

    private static final Path SCRIPT = Path.of("scripts", "TokenKey.java").toAbsolutePath();

    @TempDir
    Path directory;

    @Test
    void aNewKeyNamedByItsKidSignsWhatItsPublicHalfVerifies() throws Exception {
        run("2027-01");
        PublicJsonWebKey signing = PublicJsonWebKey.Factory.newPublicJwk(Files.readString(directory.resolve("2027-01.private.json")));
        PublicJsonWebKey verifying = PublicJsonWebKey.Factory.newPublicJwk(Files.readString(directory.resolve("2027-01.public.json")));
        assertEquals("2027-01", signing.getKeyId());
        assertEquals("2027-01", verifying.getKeyId());
        assertEquals("RS256", verifying.getAlgorithm());
        assertEquals("sig", verifying.getUse());
        assertFalse(verifying.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE).contains("\"d\""));

        JsonWebSignature signed = new JsonWebSignature();
        signed.setPayload("{\"sub\":\"1\"}");
        signed.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        signed.setKey(signing.getPrivateKey());
        JsonWebSignature received = new JsonWebSignature();
        received.setCompactSerialization(signed.getCompactSerialization());
        received.setKey(verifying.getKey());
        assertTrue(received.verifySignature());
    }

    @Test
    void thePemKeyOfAnEarlierReleaseKeepsItsNumbersUnderAKid() throws Exception {
        RsaJsonWebKey earlier = SigningKeys.generate("unused");
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(earlier.getPrivateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(directory.resolve("private.pem"), pem);
        run("2026-01", "private.pem");
        PublicJsonWebKey converted = PublicJsonWebKey.Factory.newPublicJwk(Files.readString(directory.resolve("2026-01.private.json")));
        assertEquals("2026-01", converted.getKeyId());
        assertEquals(earlier.getPublicKey(), converted.getPublicKey());
        assertEquals(earlier.getPrivateKey(), converted.getPrivateKey());
    }

    private void run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                SCRIPT.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
    }
}
