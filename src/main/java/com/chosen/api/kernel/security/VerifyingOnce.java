package com.chosen.api.kernel.security;

import java.time.Clock;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Puts {@link VerifiedTokens} in front of SmallRye JWT's parser, which Quarkus calls for every
 * bearer token; the other methods of the parser are left as they are.
 */
@Decorator
@Priority(1)
public abstract class VerifyingOnce implements JWTParser {

    private final JWTParser verifier;
    private final VerifiedTokens verified;

    @Inject
    VerifyingOnce(@Delegate @Any JWTParser verifier, @ConfigProperty(name = "chosen.token-cache.max-size") long maxSize) {
        this.verifier = verifier;
        this.verified = new VerifiedTokens(maxSize, Clock.systemUTC());
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return verified.parse(token, verifier);
    }
}
