package com.chosen.api.kernel.security;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Ticker;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Refuses a bearer token whose session has ended: logged out, its refresh token used twice, or
 * ended by a new password or new roles. Runs on every authenticated request, after the token's
 * signature and claims were verified ({@link VerifyingOnce} keeps that a pure cache of what the
 * verifier accepted). At steady state it is one in-memory lookup ({@link LiveSessions}); the
 * database is asked only when the session's state is older than {@code chosen.session-check.max-staleness}.
 * The replica that ends a session forgets its state at once, so it refuses the session's tokens from
 * then on; other replicas do within the bound. A token without a session (claim {@value #SESSION_CLAIM})
 * is refused: it could never be ended.
 */
@Singleton
public class SessionCheck implements SecurityIdentityAugmentor {

    /** The claim of an access token that names its session. */
    public static final String SESSION_CLAIM = "sid";

    private final LiveSessions sessions;
    private final SessionStates states;
    private final Uni<SecurityIdentity> ended = Uni.createFrom()
            .failure(() -> new AuthenticationFailedException("The token's session has ended"));

    @Inject
    SessionCheck(SessionStates states,
                 @ConfigProperty(name = "chosen.session-check.max-size") long maxSize,
                 @ConfigProperty(name = "chosen.session-check.max-staleness") Duration maxStaleness) {
        this.states = states;
        this.sessions = new LiveSessions(maxSize, maxStaleness, Ticker.systemTicker());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        // every bearer token comes through VerifyingOnce, which reads its session once
        String session = token instanceof SessionToken verified ? verified.sessionId() : null;
        if (session == null) {
            return ended;
        }
        Boolean live = sessions.knownLiveness(session);
        if (live != null) {
            return live ? Uni.createFrom().item(identity) : ended;
        }
        return sessions.lookUp(session, states::find).chain(isLive -> isLive ? Uni.createFrom().item(identity) : ended);
    }

    /** After a change that ended every session of a user has been committed. */
    public void sessionsEnded(long userId) {
        sessions.forgetUser(userId);
    }

    /** After a change that ended one session has been committed. */
    public void sessionEnded(String sessionId) {
        sessions.forget(sessionId);
    }
}
