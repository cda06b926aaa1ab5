package com.chosen.api.kernel.security;

import java.time.Clock;
import java.time.Duration;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Tokens the verifier accepted, so that a client's repeated calls cost a map lookup instead of an
 * RS256 verification and two JSON parses (which cost more than the rest of a read). An entry is
 * keyed by the whole token text and is used only until the token's {@code exp}: a token that is
 * unknown, changed in any byte, re-signed, or expired goes to the verifier, which decides exactly
 * as without the cache. At most {@code maxSize} tokens are kept; the least recently and frequently
 * used leave first. What is kept is the token as a {@link SessionToken}, its session read once.
 */
// Caffeine loads the classes of a cache configuration by name; quarkus-caffeine registers the common
// ones, not these two (maximumSize + expireAfter), which the native image needs
@RegisterForReflection(classNames = { "com.github.benmanes.caffeine.cache.SSMSA",
        "com.github.benmanes.caffeine.cache.PSWMS" })
final class VerifiedTokens {

    private final Clock clock;
    private final Cache<String, JsonWebToken> accepted;

    VerifiedTokens(long maxSize, Clock clock) {
        this.clock = clock;
        this.accepted = Caffeine.newBuilder().maximumSize(maxSize).expireAfter(new UntilExpiry(clock)).build();
    }

    /** The token as the verifier accepted it earlier, or as {@code verifier} decides now. */
    JsonWebToken parse(String token, JWTParser verifier) throws ParseException {
        JsonWebToken known = accepted.getIfPresent(token);
        if (known != null && isUnexpired(known)) {
            return known;
        }
        JsonWebToken verified = SessionToken.of(verifier.parse(token));
        if (isUnexpired(verified)) {
            accepted.put(token, verified);
        }
        return verified;
    }

    /** How many tokens are kept now, after pending evictions. */
    long size() {
        accepted.cleanUp();
        return accepted.estimatedSize();
    }

    // Caffeine's expiry bounds an entry's life; this check makes "never after exp" exact, whenever
    // the cache gets round to evicting
    private boolean isUnexpired(JsonWebToken token) {
        return clock.instant().getEpochSecond() < token.getExpirationTime();
    }

    private record UntilExpiry(Clock clock) implements Expiry<String, JsonWebToken> {

        @Override
        public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
            long seconds = jwt.getExpirationTime() - clock.instant().getEpochSecond();
            return Duration.ofSeconds(Math.max(0, seconds)).toNanos();
        }

        @Override
        public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
