package com.chosen.api.auth;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.chosen.api.kernel.problem.ProblemException;
import com.chosen.api.kernel.security.SessionCheck;
import com.chosen.api.kernel.security.SessionStates;
import com.chosen.api.user.User;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sessions and their refresh tokens. A login opens a session under the user's current session
 * generation and gives it a refresh token; each refresh uses that token up, gives the session a new
 * one and extends it by {@code chosen.refresh-token.lifespan}, but never past
 * {@code chosen.refresh-token.absolute-lifespan} after the login (ASVS 3.3.2: however often a stolen
 * refresh token is used, the session it keeps alive ends). A session is live until it expires,
 * is ended (a logout, or a used refresh token presented again: whoever holds a copy of the session's
 * tokens must not keep it; but not within {@code chosen.refresh-token.grace-period} of its use, when
 * the used token is answered the same successor again), or its user's generation moves on (a new password, new roles). Tokens are
 * 256 random bits, stored only as SHA-256 digests. Each operation is one statement, so that two
 * refreshes with one token cannot both succeed: the row lock lets one use it, and the other finds
 * it used. An end is recorded as such ({@code ended_at}), and a refresh extends a session only if,
 * under the session's row lock, it has not ended: no refresh, however it interleaves, revives a
 * session that a logout or a reuse ended.
 */
@ApplicationScoped
public class Sessions implements SessionStates {

    private static final Logger LOG = Logger.getLogger(Sessions.class);
    private static final int SUCCESSOR_SALT_BYTES = 32;

    private static final String OPEN = """
            WITH opened AS (
                INSERT INTO sessions (id, user_id, generation, created_at, expires_at)
                VALUES ($1, $2, $3, now(), now() + make_interval(secs => $4)))
            INSERT INTO refresh_tokens (token_digest, session_id, created_at) VALUES ($5, $1, now())""";
    // The session's row decides: `extended` re-checks under its row lock that the session was not
    // ended meanwhile (READ COMMITTED re-evaluates an UPDATE's WHERE on the newest row version), and the
    // new token is given only if it was extended. An end committed after this statement took its
    // snapshot therefore wins; the token sent is used up all the same.
    private static final String ROTATE = """
            WITH used AS (
                UPDATE refresh_tokens r SET used_at = now(), successor_salt = $5
                FROM sessions s JOIN users u ON u.id = s.user_id
                WHERE r.token_digest = $1 AND r.used_at IS NULL AND s.id = r.session_id
                  AND s.ended_at IS NULL AND s.expires_at > now() AND s.generation = u.session_generation
                  AND s.created_at + make_interval(secs => $4) > now()
                RETURNING r.session_id),
            extended AS (
                UPDATE sessions
                SET expires_at = least(now() + make_interval(secs => $3), created_at + make_interval(secs => $4))
                WHERE id = (SELECT session_id FROM used) AND ended_at IS NULL AND expires_at > now()
                RETURNING id, user_id)
            INSERT INTO refresh_tokens (token_digest, session_id, created_at)
            SELECT $2, id, now() FROM extended
            RETURNING session_id, (SELECT user_id FROM extended) AS user_id""";
    // a token used within the grace window, of a session still live: answered the successor it was given
    private static final String REPLAY = """
            SELECT r.session_id, s.user_id, r.successor_salt
            FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id JOIN users u ON u.id = s.user_id
            WHERE r.token_digest = $1 AND r.used_at > now() - make_interval(secs => $2) AND r.successor_salt IS NOT NULL
              AND s.ended_at IS NULL AND s.expires_at > now() AND s.generation = u.session_generation""";
    // a used token presented again after the grace window: a copy is in other hands, so the session ends for both
    private static final String END_IF_USED = """
            UPDATE sessions s SET ended_at = now(), expires_at = now() FROM refresh_tokens r
            WHERE r.token_digest = $1 AND r.used_at IS NOT NULL AND s.id = r.session_id
              AND s.ended_at IS NULL AND s.expires_at > now()
            RETURNING s.id, s.user_id""";
    // expires_at moves too, so that ExpiredRows removes the session, and a release that knows no
    // ended_at sees it ended
    private static final String END = """
            UPDATE sessions s SET ended_at = now(), expires_at = now() FROM refresh_tokens r
            WHERE r.token_digest = $1 AND s.id = r.session_id AND s.ended_at IS NULL AND s.expires_at > now()
            RETURNING s.id""";
    private static final String FIND = """
            SELECT s.user_id, s.ended_at IS NULL AND s.expires_at > now() AND s.generation = u.session_generation AS live
            FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1""";

    /** A session and the refresh token it was just given. */
    public record Grant(UUID sessionId, long userId, String refreshToken) {
    }

    @ConfigProperty(name = "chosen.refresh-token.lifespan")
    Duration lifespan;

    @ConfigProperty(name = "chosen.refresh-token.absolute-lifespan")
    Duration absoluteLifespan;

    @ConfigProperty(name = "chosen.refresh-token.grace-period")
    Duration gracePeriod;

    @Inject
    Pool database;

    @Inject
    Secrets secrets;

    @Inject
    SessionCheck sessionCheck;

    /** A new session of a user whose password was just verified, under the generation read with it. */
    public Uni<Grant> open(User user) {
        UUID session = UUID.randomUUID();
        String refreshToken = secrets.randomToken();
        return database.preparedQuery(OPEN)
                .execute(Tuple.from(new Object[] { session, user.id, user.sessionGeneration,
                        seconds(lifespan.compareTo(absoluteLifespan) < 0 ? lifespan : absoluteLifespan),
                        Secrets.digest(refreshToken) }))
                .replaceWith(new Grant(session, user.id, refreshToken));
    }

    /**
     * Uses a refresh token up for a new one of the same session; within the grace window after that,
     * answers the same new one again (two tabs refreshing at once, a request retried after a lost
     * answer); 401 if it cannot be used, and a used token presented later ends the session.
     */
    public Uni<Grant> refresh(String refreshToken) {
        byte[] salt = secrets.randomBytes(SUCCESSOR_SALT_BYTES);
        String next = Secrets.successor(refreshToken, salt);
        return database.preparedQuery(ROTATE)
                .execute(Tuple.from(new Object[] { Secrets.digest(refreshToken), Secrets.digest(next), seconds(lifespan),
                        seconds(absoluteLifespan), Buffer.buffer(salt) }))
                .chain(rotated -> rotated.size() == 1
                        ? Uni.createFrom().item(grant(rotated.iterator().next(), next))
                        : replay(refreshToken));
    }

    private Uni<Grant> replay(String refreshToken) {
        return database.preparedQuery(REPLAY).execute(Tuple.of(Secrets.digest(refreshToken), seconds(gracePeriod)))
                .chain(used -> used.size() == 1
                        ? Uni.createFrom().item(replayed(used.iterator().next(), refreshToken))
                        : endIfUsed(refreshToken).replaceWith(Uni.createFrom().failure(() -> ProblemException.unauthorized(
                                "The refresh token is not valid (unknown, used, or its session ended); log in again"))));
    }

    /** Ends the session of a refresh token, used or not; nothing when there is none. */
    public Uni<Void> end(String refreshToken) {
        return database.preparedQuery(END).execute(Tuple.of(Secrets.digest(refreshToken)))
                .invoke(ended -> ended.forEach(row -> sessionCheck.sessionEnded(row.getUUID("id").toString())))
                .replaceWithVoid();
    }

    @Override
    public Uni<State> find(String sessionId) {
        UUID id;
        try {
            id = UUID.fromString(sessionId);
        } catch (IllegalArgumentException notOurs) {
            return Uni.createFrom().item(State.NONE);
        }
        return database.preparedQuery(FIND).execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? State.NONE
                : new State(rows.iterator().next().getLong("user_id"), rows.iterator().next().getBoolean("live")));
    }

    private Uni<RowSet<Row>> endIfUsed(String refreshToken) {
        return database.preparedQuery(END_IF_USED).execute(Tuple.of(Secrets.digest(refreshToken)))
                .invoke(ended -> ended.forEach(row -> {
                    LOG.warnf("A used refresh token of user %d was presented again; its session %s has ended",
                            row.getLong("user_id"), row.getUUID("id"));
                    sessionCheck.sessionEnded(row.getUUID("id").toString());
                }));
    }

    private static Grant grant(Row rotated, String refreshToken) {
        return new Grant(rotated.getUUID("session_id"), rotated.getLong("user_id"), refreshToken);
    }

    private static Grant replayed(Row used, String refreshToken) {
        return grant(used, Secrets.successor(refreshToken, used.getBuffer("successor_salt").getBytes()));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
