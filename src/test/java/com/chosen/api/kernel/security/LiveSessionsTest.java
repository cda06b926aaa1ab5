package com.chosen.api.kernel.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.chosen.api.kernel.security.SessionStates.State;
import com.github.benmanes.caffeine.cache.Ticker;

import io.smallrye.mutiny.Uni;

/** Session states are read from the store at most once per staleness bound, and never served past it. */
class LiveSessionsTest {

    private static final Duration MAX_STALENESS = Duration.ofSeconds(5);

    /** A ticker the test moves by hand. */
    private static final class TestTicker implements Ticker {
        private long nanos;

        @Override
        public long read() {
            return nanos;
        }

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }
    }

    /** The database as the test sets it, counting the lookups. */
    private static final class Store {
        final Map<String, State> states = new HashMap<>();
        final List<String> lookups = new ArrayList<>();

        Uni<State> find(String session) {
            lookups.add(session);
            return Uni.createFrom().item(states.getOrDefault(session, State.NONE));
        }
    }

    private final TestTicker ticker = new TestTicker();
    private final Store store = new Store();
    private final LiveSessions sessions = new LiveSessions(100, MAX_STALENESS, ticker);

    private boolean check(String session) {
        Boolean known = sessions.knownLiveness(session);
        return known != null ? known : sessions.lookUp(session, store::find).await().indefinitely();
    }

    @Test
    void aSessionIsLookedUpOnceAndThenKnownUntilTheBound() {
        store.states.put("s1", new State(1, true));

        assertNull(sessions.knownLiveness("s1"));
        assertTrue(check("s1"));
        ticker.advance(MAX_STALENESS.minusNanos(1));
        assertTrue(check("s1"));

        assertEquals(List.of("s1"), store.lookups);
    }

    @Test
    void aSessionEndedInTheStoreIsRefusedOnceItsStateReachesTheBound() {
        store.states.put("s1", new State(1, true));
        assertTrue(check("s1"));

        store.states.put("s1", new State(1, false));   // ended by another replica
        ticker.advance(MAX_STALENESS);

        assertFalse(check("s1"));
        assertEquals(List.of("s1", "s1"), store.lookups);
    }

    @Test
    void anEndedOrUnknownSessionIsRememberedAsEndedToo() {
        store.states.put("ended", new State(1, false));
        assertFalse(check("ended"));
        assertFalse(check("ended"));
        assertFalse(check("unknown"));
        assertFalse(check("unknown"));
        assertEquals(List.of("ended", "unknown"), store.lookups);
    }

    @Test
    void forgettingAUserDropsItsSessionsAndNoOthers() {
        store.states.put("ada-phone", new State(1, true));
        store.states.put("ada-laptop", new State(1, true));
        store.states.put("bob", new State(2, true));
        List.of("ada-phone", "ada-laptop", "bob").forEach(this::check);

        store.states.put("ada-phone", new State(1, false));
        store.states.put("ada-laptop", new State(1, false));
        sessions.forgetUser(1);

        assertNull(sessions.knownLiveness("ada-phone"));
        assertNull(sessions.knownLiveness("ada-laptop"));
        assertEquals(Boolean.TRUE, sessions.knownLiveness("bob"));
        assertFalse(check("ada-phone"));
    }

    @Test
    void forgettingASessionDropsOnlyIt() {
        store.states.put("s1", new State(1, true));
        store.states.put("s2", new State(1, true));
        check("s1");
        check("s2");

        sessions.forget("s1");

        assertNull(sessions.knownLiveness("s1"));
        assertEquals(Boolean.TRUE, sessions.knownLiveness("s2"));
    }

    @Test
    void aStateReadBeforeAnEndThatIsLearntOfMeanwhileIsNotKept() {
        // the lookup reads "live", then the session is ended on this replica before the answer arrives
        CompletableFuture<State> read = new CompletableFuture<>();
        CompletableFuture<Boolean> result = sessions.lookUp("s1", session -> Uni.createFrom().completionStage(read))
                .subscribe().asCompletionStage();
        sessions.forget("s1");
        read.complete(new State(1, true));

        assertTrue(result.join());
        assertNull(sessions.knownLiveness("s1"));
        store.states.put("s1", new State(1, false));
        assertFalse(check("s1"));
    }
}
