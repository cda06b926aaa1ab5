package com.chosen.api.kernel.security;

import io.smallrye.mutiny.Uni;

/**
 * Where sessions are kept: the feature that opens them (logins) provides this, so that
 * {@link SessionCheck} can ask about a session it has not seen lately.
 */
public interface SessionStates {

    /** The user of a session and whether it is live now. */
    record State(long userId, boolean live) {

        /** What a session that does not exist (any more) counts as. */
        public static final State NONE = new State(-1, false);
    }

    /** The session's state now, as the database has it; {@link State#NONE} when there is no such session. */
    Uni<State> find(String sessionId);
}
