package com.chosen.api.user;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import com.chosen.api.kernel.problem.ProblemException;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;

/**
 * Argon2id (OWASP parameters: 19 MiB, 2 iterations) over the whole password, so every character
 * counts. Each hash holds 19 MiB and a core for a while, so hashes run on a few worker threads of
 * their own, never on the event loop, and a burst of logins waits in a bounded queue instead of
 * exhausting the heap: at most {@code chosen.password-hashing.concurrency} at once (by default what
 * a quarter of the heap holds, at most one per core), at most {@code max-queue} waiting, none
 * waiting longer than {@code max-wait}. A hash that cannot start in time is a 503 with Retry-After,
 * never an out-of-memory 500. The result comes back on the caller's context, where the reactive
 * session lives.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final Logger LOG = Logger.getLogger(PasswordHasher.class);
    private static final int MEMORY_KIB = 19_456;

    @ConfigProperty(name = "chosen.password-hashing.concurrency")
    OptionalInt configuredConcurrency;

    @ConfigProperty(name = "chosen.password-hashing.max-queue")
    int maxQueue;

    @ConfigProperty(name = "chosen.password-hashing.max-wait")
    Duration maxWait;

    @Inject
    Vertx vertx;

    private final AtomicInteger queued = new AtomicInteger();
    private final Argon2PasswordEncoder argon2id = argon2id();
    private WorkerExecutor workers;

    void start(@Observes StartupEvent event) {
        int concurrency = configuredConcurrency.orElseGet(() -> concurrencyFor(Runtime.getRuntime().maxMemory(),
                Runtime.getRuntime().availableProcessors()));
        workers = vertx.createSharedWorkerExecutor("password-hashing", concurrency);
        LOG.debugf("Password hashing: %d at once, %d waiting at most, for %s at most", concurrency, maxQueue, maxWait);
    }

    @PreDestroy
    void stop() {
        if (workers != null) {
            workers.closeAndForget();
        }
    }

    /**
     * PHC strings ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), a 16-byte salt, a 32-byte hash: the
     * format the hashes stored so far were written in. Each hash allocates its 19 MiB and leaves them to
     * the collector, so nothing of it stays on the heap between logins.
     */
    static Argon2PasswordEncoder argon2id() {
        return new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, 2);
    }

    /** As many hashes as a quarter of the heap holds (each holds 19 MiB), at least one, at most one per core. */
    static int concurrencyFor(long maxHeapBytes, int cores) {
        long fitting = maxHeapBytes / 4 / (MEMORY_KIB * 1024L);
        return (int) Math.max(1, Math.min(cores, fitting));
    }

    public Uni<String> hash(String password) {
        return bounded(() -> argon2id.encode(password));
    }

    /**
     * Checks a password against a stored hash; with no hash (unknown email) it checks against a
     * dummy one, so that an unknown email costs the same time as a wrong password.
     */
    public Uni<Boolean> verify(String password, String storedHash) {
        return bounded(() -> {
            boolean known = storedHash != null;
            String hash = known ? storedHash : DummyHash.of(argon2id);
            // parameters come from the stored hash, so raising them later keeps old hashes valid
            boolean matches = argon2id.matches(password, hash);
            return known && matches;
        });
    }

    private <T> Uni<T> bounded(Callable<T> work) {
        return Uni.createFrom().deferred(() -> {
            if (queued.incrementAndGet() > maxQueue) {
                queued.decrementAndGet();
                return Uni.createFrom().failure(busy());
            }
            long enqueued = System.nanoTime();
            return workers.executeBlocking(Uni.createFrom().item(() -> {
                queued.decrementAndGet();
                if (System.nanoTime() - enqueued > maxWait.toNanos()) {
                    throw busy();
                }
                try {
                    return work.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }), false);
        });
    }

    private ProblemException busy() {
        long seconds = Math.max(1, maxWait.toSeconds());
        return ProblemException.serviceUnavailable("Too many password checks at once; retry in " + seconds + " seconds",
                seconds);
    }

    // computed on first use, not at start-up: it costs one hash
    private static final class DummyHash {
        private static volatile String value;

        static String of(Argon2PasswordEncoder argon2id) {
            if (value == null) {
                value = argon2id.encode("not-a-password-of-anyone");
            }
            return value;
        }
    }
}
