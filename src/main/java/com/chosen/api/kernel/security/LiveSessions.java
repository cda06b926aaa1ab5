package com.chosen.api.kernel.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.chosen.api.kernel.security.SessionStates.State;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import io.smallrye.mutiny.Uni;

/**
 * The states of sessions as last read, each kept for at most {@code maxStaleness}: a session is
 * looked up again once its state is that old, so a session ended elsewhere (on another replica) is
 * refused here within that bound, at no cost per request in between. At most {@code maxSize}
 * sessions are kept; one that leaves early is looked up again on its next request.
 */
// maximumSize + expireAfter: the same generated Caffeine classes as VerifiedTokens, registered there for the native image
final class LiveSessions {

    private final Cache<String, State> known;
    // moves on with every end this replica learns of: a lookup that was under way meanwhile may have
    // read the state from before the end, and must not keep it
    private final AtomicLong ends = new AtomicLong();

    LiveSessions(long maxSize, Duration maxStaleness, Ticker ticker) {
        this.known = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(Expiry.<String, State>writing((session, state) -> maxStaleness))
                .ticker(ticker)
                .build();
    }

    /** Whether the session is live, as read less than the bound ago; {@code null} when that is not known. */
    Boolean knownLiveness(String sessionId) {
        State state = known.getIfPresent(sessionId);
        return state == null ? null : state.live();
    }

    /**
     * Whether the session is live, as {@code lookup} finds it now; kept for the next requests unless an
     * end was learnt of while it was being looked up.
     */
    Uni<Boolean> lookUp(String sessionId, Function<String, Uni<State>> lookup) {
        long endsBefore = ends.get();
        return lookup.apply(sessionId).map(state -> {
            if (ends.get() == endsBefore) {
                known.put(sessionId, state);
            }
            return state.live();
        });
    }

    /** Drops what is known of the user's sessions, after a change that ended them. */
    void forgetUser(long userId) {
        ends.incrementAndGet();
        known.asMap().values().removeIf(state -> state.userId() == userId);
    }

    /** Drops what is known of one session, after it ended. */
    void forget(String sessionId) {
        ends.incrementAndGet();
        known.invalidate(sessionId);
    }
}
