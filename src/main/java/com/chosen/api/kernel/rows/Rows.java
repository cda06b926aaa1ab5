package com.chosen.api.kernel.rows;

import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;
import org.hibernate.reactive.mutiny.Mutiny;

import com.chosen.api.kernel.problem.ProblemException;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Read, update and delete of one row by id, the same for every table: 404 when it does not exist,
 * the caller's {@code guard} (ownership, for owned tables) next, then {@code If-Match} (412).
 * <p>
 * A write is one read and one statement: the UPDATE or DELETE names the version that was read
 * ({@code @Version}), so it changes nothing if another request changed the row in between. Then the
 * row is read and the write tried again (at most {@value #ATTEMPTS} times), so that concurrent partial
 * updates all apply and If-Match is judged against the row as it is. The statement is atomic on its
 * own, so these writes need no transaction around them (a transaction would cost two more round
 * trips); call from a resource method, whose session Quarkus opens on demand, or inside a transaction
 * where a write spans rows.
 */
public final class Rows {

    static final int ATTEMPTS = 10;

    private Rows() {
    }

    /** The row, read to be shown (see {@link #read}), or 404. */
    public static <E extends AuditedEntity> Uni<E> find(Class<E> type, long id) {
        return find(type, id, key -> read(session -> session.get(type, key)));
    }

    /** The row {@code lookup} finds by id (one that join-fetches what the answer shows, say), or 404. */
    public static <E extends AuditedEntity> Uni<E> find(Class<E> type, long id, LongFunction<Uni<E>> lookup) {
        return lookup.apply(id).onItem().ifNull().failWith(() -> notFound(type, id));
    }

    public static <E extends AuditedEntity> Uni<E> update(Class<E> type, long id, String ifMatch, Consumer<E> changes) {
        return update(type, id, ifMatch, row -> { }, changes);
    }

    public static <E extends AuditedEntity> Uni<E> update(Class<E> type, long id, String ifMatch,
                                                          Consumer<E> guard, Consumer<E> changes) {
        return checkedWrite(type, id, ifMatch, guard, (session, row) -> {
            changes.accept(row);
            row.touch();
            // flush now, so that a concurrent change is found here and the answer carries the new version
            return session.flush().replaceWith(row);
        });
    }

    public static <E extends AuditedEntity> Uni<Void> delete(Class<E> type, long id, String ifMatch) {
        return delete(type, id, ifMatch, row -> { });
    }

    public static <E extends AuditedEntity> Uni<Void> delete(Class<E> type, long id, String ifMatch, Consumer<E> guard) {
        // a DELETE statement naming the version read, rather than session.remove(): concurrent entity
        // removals outside a transaction trip Hibernate Reactive's session thread check (HR000069,
        // quarkusio/quarkus#23324 and #41945, seen here under load while the pool reconnects)
        return checkedWrite(type, id, ifMatch, guard, (session, row) -> session
                .createMutationQuery("delete from " + type.getSimpleName() + " where id = :id and version = :version")
                .setParameter("id", id)
                .setParameter("version", row.version)
                .executeUpdate()
                .invoke(deleted -> {
                    if (deleted == 0) {
                        throw new StaleStateException(type.getSimpleName() + " " + id + " changed since it was read");
                    }
                }))
                .replaceWithVoid();
    }

    /** Reads the row, checks it, writes it; reads and writes again while another request changed it in between. */
    private static <E extends AuditedEntity, R> Uni<R> checkedWrite(Class<E> type, long id, String ifMatch,
                                                                    Consumer<E> guard,
                                                                    BiFunction<Mutiny.Session, E, Uni<R>> write) {
        return Panache.getSession()
                .chain(session -> session.find(type, id)
                        .onItem().ifNull().failWith(() -> notFound(type, id))
                        .invoke(guard)
                        .invoke(row -> requireVersion(ifMatch, row))
                        .chain(row -> write.apply(session, row))
                        // forget the stale row, so that the next attempt reads it again
                        .onFailure(Rows::isConcurrentChange).invoke(failure -> session.clear()))
                .onFailure(Rows::isConcurrentChange).retry().atMost(ATTEMPTS - 1);
    }

    /** A write that found its row changed since it was read (its version no longer matched). */
    static boolean isConcurrentChange(Throwable failure) {
        return failure instanceof StaleStateException || failure instanceof OptimisticLockException;
    }

    /**
     * Runs a read whose rows are only shown, never changed, in a stateless session: no persistence
     * context to fill, no snapshot of each row for dirty checking, no load events (about 5 % fewer
     * bytes per GET and per list in the native executable; docs/performance.md). The session (and its
     * connection) ends with the read; resource methods open no managed session eagerly (Quarkus opens
     * one on demand, for writes).
     */
    static <T> Uni<T> read(Function<Mutiny.StatelessSession, Uni<T>> query) {
        return Arc.container().instance(Mutiny.SessionFactory.class).get().withStatelessSession(query);
    }

    /** Persists a new row and flushes, so that its id and version are known for the answer. */
    public static <E extends AuditedEntity> Uni<E> create(E row) {
        return row.persistAndFlush().replaceWith(row);
    }

    /**
     * The row an id names, as a reference that costs no query, for a foreign key: writing it lets the
     * database check that the row exists. {@code null} for no id.
     */
    public static <E extends AuditedEntity> Uni<E> reference(Class<E> type, Long id) {
        return id == null
                ? Uni.createFrom().nullItem()
                : Panache.getSession().map(session -> session.getReference(type, id));
    }

    private static ProblemException notFound(Class<?> type, Object id) {
        return ProblemException.notFound(type.getSimpleName() + " " + id + " does not exist");
    }

    private static void requireVersion(String ifMatch, AuditedEntity row) {
        if (!ETags.matches(ifMatch, row.version)) {
            throw ProblemException.preconditionFailed("If-Match does not match the current version \""
                    + row.version + "\"; fetch the row again and retry");
        }
    }
}
