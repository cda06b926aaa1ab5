package com.chosen.api.kernel.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/** The cache of verified tokens never accepts what the verifier would refuse, and stays bounded. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    /** A clock the test moves by hand. */
    private static final class TestClock extends Clock {
        private Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    /** A verifier that accepts the tokens it was told about, expiring when told, and counts its calls. */
    private static final class Verifier {
        final Map<String, Long> acceptedUntil = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        JWTParser parser() {
            return (JWTParser) Proxy.newProxyInstance(JWTParser.class.getClassLoader(), new Class<?>[] { JWTParser.class },
                    (proxy, method, args) -> {
                        String token = (String) args[0];
                        calls.add(token);
                        Long exp = acceptedUntil.get(token);
                        if (exp == null) {
                            throw new ParseException("refused: " + token);
                        }
                        return jwt(exp);
                    });
        }
    }

    /** Tokens the verifier accepts carry session {@value #SESSION}; their claim reads are counted. */
    private static final String SESSION = "0b6f2b4e-session";
    private static final List<String> claimReads = new ArrayList<>();

    private static JsonWebToken jwt(long exp) {
        return (JsonWebToken) Proxy.newProxyInstance(JsonWebToken.class.getClassLoader(),
                new Class<?>[] { JsonWebToken.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getExpirationTime" -> exp;
                    case "getClaimNames" -> Set.of("exp", SessionCheck.SESSION_CLAIM);
                    case "getClaim" -> {
                        claimReads.add((String) args[0]);
                        yield SessionCheck.SESSION_CLAIM.equals(args[0]) ? SESSION : null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private final TestClock clock = new TestClock();
    private final Verifier verifier = new Verifier();

    @Test
    void aTokenTheVerifierAcceptedIsVerifiedOnlyOnce() throws ParseException {
        verifier.acceptedUntil.put("good", NOW.plusSeconds(3600).getEpochSecond());
        VerifiedTokens tokens = new VerifiedTokens(10, clock);

        JsonWebToken first = tokens.parse("good", verifier.parser());
        JsonWebToken second = tokens.parse("good", verifier.parser());

        assertSame(first, second);
        assertEquals(List.of("good"), verifier.calls);
    }

    @Test
    void theSessionOfAKeptTokenIsReadOnceWhenItIsVerified() throws ParseException {
        verifier.acceptedUntil.put("good", NOW.plusSeconds(3600).getEpochSecond());
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        claimReads.clear();

        SessionToken first = (SessionToken) tokens.parse("good", verifier.parser());
        SessionToken second = (SessionToken) tokens.parse("good", verifier.parser());

        assertEquals(SESSION, first.sessionId());
        assertEquals(SESSION, second.sessionId());
        assertEquals(List.of(SessionCheck.SESSION_CLAIM), claimReads);
    }

    @Test
    void aTokenThatExpiredWhileKeptGoesBackToTheVerifier() throws ParseException {
        verifier.acceptedUntil.put("short", NOW.plusSeconds(60).getEpochSecond());
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        tokens.parse("short", verifier.parser());

        clock.advance(Duration.ofSeconds(60));
        verifier.acceptedUntil.remove("short");   // the verifier now refuses it as expired

        assertThrows(ParseException.class, () -> tokens.parse("short", verifier.parser()));
        assertEquals(List.of("short", "short"), verifier.calls);
    }

    @Test
    void aTokenDifferingInAnyByteIsVerifiedOnItsOwn() throws ParseException {
        verifier.acceptedUntil.put("header.claims.signature", NOW.plusSeconds(3600).getEpochSecond());
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        tokens.parse("header.claims.signature", verifier.parser());

        // another signature, or claims naming another issuer or audience, make another token text
        assertThrows(ParseException.class, () -> tokens.parse("header.claims.signaturf", verifier.parser()));
        assertThrows(ParseException.class, () -> tokens.parse("header.otherIssuer.signature", verifier.parser()));
        assertEquals(3, verifier.calls.size());
    }

    @Test
    void aRefusedTokenIsNeverKept() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);

        assertThrows(ParseException.class, () -> tokens.parse("forged", verifier.parser()));
        assertThrows(ParseException.class, () -> tokens.parse("forged", verifier.parser()));

        assertEquals(2, verifier.calls.size());
        assertEquals(0, tokens.size());
    }

    @Test
    void anAlreadyExpiredTokenTheVerifierStillAcceptsIsNotKept() throws ParseException {
        // within the verifier's clock skew a token past its exp may still be accepted: the verifier decides each time
        verifier.acceptedUntil.put("late", NOW.minusSeconds(5).getEpochSecond());
        VerifiedTokens tokens = new VerifiedTokens(10, clock);

        tokens.parse("late", verifier.parser());
        tokens.parse("late", verifier.parser());

        assertEquals(2, verifier.calls.size());
        assertEquals(0, tokens.size());
    }

    @Test
    void theNumberOfKeptTokensStaysWithinTheBound() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(100, clock);
        for (int i = 0; i < 1_000; i++) {
            verifier.acceptedUntil.put("token-" + i, NOW.plusSeconds(3600).getEpochSecond());
            tokens.parse("token-" + i, verifier.parser());
        }

        assertEquals(100, tokens.size());
    }
}
