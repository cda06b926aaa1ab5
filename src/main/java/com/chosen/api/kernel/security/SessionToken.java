package com.chosen.api.kernel.security;

import java.util.Set;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * An access token the verifier accepted, with the id of its session (claim {@value SessionCheck#SESSION_CLAIM})
 * read once, when it was verified. {@link SessionCheck} needs that id on every request, and SmallRye
 * JWT reads a claim that the MicroProfile {@code Claims} enum does not name by catching the
 * exception of {@code Claims.valueOf}: a stack trace per request, the largest single allocation of
 * an authenticated read. Everything else is the verified token's.
 */
record SessionToken(JsonWebToken verified, String sessionId) implements JsonWebToken {

    static SessionToken of(JsonWebToken verified) {
        Object claim = verified.getClaim(SessionCheck.SESSION_CLAIM);
        String session = claim instanceof JsonString json ? json.getString() : claim instanceof String text ? text : null;
        return new SessionToken(verified, session);
    }

    @Override
    public String getName() {
        return verified.getName();
    }

    @Override
    public Set<String> getClaimNames() {
        return verified.getClaimNames();
    }

    @Override
    public <T> T getClaim(String claimName) {
        return verified.getClaim(claimName);
    }

    @Override
    public String getSubject() {
        return verified.getSubject();
    }

    @Override
    public Set<String> getGroups() {
        return verified.getGroups();
    }

    @Override
    public Set<String> getAudience() {
        return verified.getAudience();
    }

    @Override
    public long getExpirationTime() {
        return verified.getExpirationTime();
    }

    @Override
    public String toString() {
        return verified.toString();
    }
}
