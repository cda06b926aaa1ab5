import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a token key pair as the service reads it (docs/operating.md, Rotating the token keys), with
 * nothing but the JDK: {@code KID.private.json}, the private key as a JWK (the Secret's
 * {@code signing-key.json} once it signs), and {@code KID.public.json}, its public half (one entry of
 * the Secret's {@code verification-keys.json}).
 *
 * <pre>
 * java scripts/TokenKey.java 2027-01                  # a new RSA 2048 key named 2027-01
 * java scripts/TokenKey.java 2026-01 private.pem      # the PEM (PKCS#8) key of an earlier release, named
 * </pre>
 */
public class TokenKey {

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length < 1 || args.length > 2 || !args[0].matches("[A-Za-z0-9._-]+")) {
            System.err.println("usage: java scripts/TokenKey.java KID [PRIVATE_KEY.pem]   (KID: letters, digits, . _ -)");
            System.exit(2);
        }
        String kid = args[0];
        RSAPrivateCrtKey key = args.length == 2 ? readPem(Path.of(args[1])) : generate();
        Map<String, String> publicJwk = new LinkedHashMap<>();
        publicJwk.put("kty", "RSA");
        publicJwk.put("kid", kid);
        publicJwk.put("use", "sig");
        publicJwk.put("alg", "RS256");
        publicJwk.put("n", base64Url(key.getModulus()));
        publicJwk.put("e", base64Url(key.getPublicExponent()));
        Map<String, String> privateJwk = new LinkedHashMap<>(publicJwk);
        privateJwk.put("d", base64Url(key.getPrivateExponent()));
        privateJwk.put("p", base64Url(key.getPrimeP()));
        privateJwk.put("q", base64Url(key.getPrimeQ()));
        privateJwk.put("dp", base64Url(key.getPrimeExponentP()));
        privateJwk.put("dq", base64Url(key.getPrimeExponentQ()));
        privateJwk.put("qi", base64Url(key.getCrtCoefficient()));
        Files.writeString(Path.of(kid + ".private.json"), json(privateJwk));
        Files.writeString(Path.of(kid + ".public.json"), json(publicJwk));
        System.out.println("wrote " + kid + ".private.json (secret) and " + kid + ".public.json");
    }

    private static RSAPrivateCrtKey generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    }

    private static RSAPrivateCrtKey readPem(Path pem) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    // RFC 7518 section 6.3: unsigned big-endian, without the sign byte BigInteger may add
    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String json(Map<String, String> members) {
        return members.entrySet().stream().map(member -> "\"" + member.getKey() + "\":\"" + member.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}\n"));
    }
}
