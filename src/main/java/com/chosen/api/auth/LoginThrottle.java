package com.chosen.api.auth;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.chosen.api.kernel.problem.ProblemException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Slows down password guessing against one email, known or not: each email has a bucket of
 * {@code chosen.login-throttle.max-failures} attempts that refills all at once every
 * {@code chosen.login-throttle.window}. A login attempt takes one; a successful login gives the
 * email a fresh bucket. With the bucket empty, every attempt, even with the right password, is a
 * 429 whose Retry-After says when the window ends, so a guesser can lock an account only until
 * then. The buckets live in memory, per replica, in a bounded cache (whose admission policy keeps
 * often-hit emails when a flood of new ones arrives). Taking a token before the password is checked
 * means concurrent guesses cannot slip past the limit.
 */
@Singleton
// Caffeine loads the node class of a cache's configuration by name; quarkus-caffeine registers the
// common ones, not the one for maximumSize + expireAfterAccess ("PSAMS"), which the native image needs
@RegisterForReflection(classNames = "com.github.benmanes.caffeine.cache.PSAMS")
public class LoginThrottle {

    private final long maxFailures;
    private final Duration window;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    @Inject
    LoginThrottle(@ConfigProperty(name = "chosen.login-throttle.max-failures") long maxFailures,
                  @ConfigProperty(name = "chosen.login-throttle.window") Duration window,
                  @ConfigProperty(name = "chosen.login-throttle.tracked-emails") long trackedEmails) {
        this(maxFailures, window, trackedEmails, TimeMeter.SYSTEM_NANOTIME);
    }

    LoginThrottle(long maxFailures, Duration window, long trackedEmails, TimeMeter clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        // an idle bucket is full again after one window, so forgetting it then loses nothing
        this.buckets = Caffeine.newBuilder().maximumSize(trackedEmails).expireAfterAccess(window).build();
    }

    /** Takes one attempt for a (lower-case) email, or fails with 429 and Retry-After when none is left. */
    public void admit(String email) {
        ConsumptionProbe probe = buckets.get(email, this::newBucket).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
            throw ProblemException.tooManyRequests("Too many failed logins for this email; retry in "
                    + seconds + " seconds", seconds);
        }
    }

    /** After a successful login, the email's earlier failures no longer count. */
    public void succeeded(String email) {
        buckets.invalidate(email);
    }

    private Bucket newBucket(String email) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(maxFailures).refillIntervally(maxFailures, window))
                .withCustomTimePrecision(clock)
                .build();
    }
}
