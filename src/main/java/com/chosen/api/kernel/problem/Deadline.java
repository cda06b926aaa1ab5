package com.chosen.api.kernel.problem;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * What an API request's answer may claim when {@code chosen.http.request-timeout} passes before the
 * request is answered (HttpLayerProblems answers then). A 503 tells the client that nothing happened,
 * so it is the answer only where that is certain: a read (GET, HEAD); a request whose resource
 * method had not started (it was still authenticated, say), which then never starts; or a write made
 * in one {@link #transaction} that had not begun to commit. That transaction then never commits:
 * whatever PostgreSQL already executed is rolled back once it answers again. Any other write may
 * still be applied by what PostgreSQL already received (an auto-commit statement, a COMMIT), so its
 * answer is a 504 that says the outcome is unknown.
 */
public final class Deadline {

    private static final String KEY = Deadline.class.getName();
    private static final Problem OUTCOME_UNKNOWN = Problem.of(504, "The database did not confirm the write in time: "
            + "it may or may not have been applied. Retry with the same Idempotency-Key, or read before writing again");

    private enum State { NOT_STARTED, UNGUARDED, GUARDED, COMMITTING, PASSED }

    private final boolean read;
    private final AtomicReference<State> state = new AtomicReference<>(State.NOT_STARTED);

    private Deadline(boolean read) {
        this.read = read;
    }

    /** The deadline of a request the timeout watches. */
    public static Deadline start(RoutingContext context) {
        HttpMethod method = context.request().method();
        Deadline deadline = new Deadline(method == HttpMethod.GET || method == HttpMethod.HEAD);
        context.put(KEY, deadline);
        return deadline;
    }

    /** The request's deadline; one that never passes where no timeout watches (a route outside the API). */
    public static Deadline of(RoutingContext context) {
        Deadline deadline = context.get(KEY);
        return deadline != null ? deadline : new Deadline(false);
    }

    /**
     * The deadline passed before the request was answered: true when nothing the request did can be
     * applied any more (answer 503), false when its outcome is unknown (answer 504). From here on
     * a {@link #transaction} that has not begun to commit rolls back.
     */
    public boolean passWithNothingApplied() {
        return read || state.compareAndSet(State.NOT_STARTED, State.PASSED) || state.compareAndSet(State.GUARDED, State.PASSED);
    }

    /** The resource method is about to start: false when the deadline passed already, and it must not. */
    public boolean startResource() {
        return state.compareAndSet(State.NOT_STARTED, State.UNGUARDED) || read;
    }

    /**
     * Runs {@code work}, the request's only write, in one transaction that commits only if the request
     * is still waiting for its answer; a failure of the commit itself (a connection lost while it was
     * on its way) answers that the outcome is unknown, never that the database was unavailable.
     */
    public <T> Uni<T> transaction(Supplier<Uni<T>> work) {
        if (!state.compareAndSet(State.UNGUARDED, State.GUARDED) && !state.compareAndSet(State.NOT_STARTED, State.GUARDED)) {
            return Uni.createFrom().failure(this::passed);
        }
        return Panache.withTransaction(() -> work.get().invoke(this::beginCommit))
                .onFailure(failure -> state.get() == State.COMMITTING && isUnavailable(failure))
                .transform(failure -> new ProblemException(OUTCOME_UNKNOWN, Map.of()));
    }

    /** The answer when the outcome of a write is unknown. */
    public static Problem outcomeUnknown() {
        return OUTCOME_UNKNOWN;
    }

    private void beginCommit() {
        if (!state.compareAndSet(State.GUARDED, State.COMMITTING)) {
            // answered 503 already: the rollback keeps that answer true
            throw passed();
        }
    }

    private ProblemException passed() {
        return new ProblemException(503, "The request timed out before it committed; nothing was applied");
    }

    private static boolean isUnavailable(Throwable failure) {
        return DatabaseFailures.problemFor(failure).filter(problem -> problem.status() == 503).isPresent();
    }
}
