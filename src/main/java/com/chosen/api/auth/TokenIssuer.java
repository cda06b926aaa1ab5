package com.chosen.api.auth;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.chosen.api.auth.Sessions.Grant;
import com.chosen.api.kernel.security.SessionCheck;
import com.chosen.api.user.User;

import io.smallrye.jwt.build.Jwt;

/**
 * Issues RS256 access tokens: {@code sub} is the user id, {@code upn} the email, {@code groups}
 * the roles held now, {@code sid} the session, which {@link SessionCheck} asks about on every
 * request; with the session's new refresh token beside it. Issuer, audience and signing key come
 * from configuration ({@code smallrye.jwt.new-token.*}, {@code smallrye.jwt.sign.key.location}).
 */
@ApplicationScoped
public class TokenIssuer {

    @ConfigProperty(name = "smallrye.jwt.new-token.lifespan")
    long lifespanSeconds;

    public TokenResponse issue(User user, Grant session) {
        String token = Jwt.subject(Long.toString(user.id))
                .upn(user.email)
                .groups(user.roleNames())
                .claim(SessionCheck.SESSION_CLAIM, session.sessionId().toString())
                .expiresIn(lifespanSeconds)
                .sign();
        return new TokenResponse(token, "bearer", lifespanSeconds, session.refreshToken());
    }
}
