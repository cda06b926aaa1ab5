package com.chosen.api.kernel.rows;

import java.util.function.Consumer;
import java.util.function.LongFunction;

import jakarta.persistence.LockModeType;

import com.chosen.api.kernel.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Read, update and delete of one row by id, the same for every table: 404 when it does not exist,
 * the caller's {@code guard} (ownership, for owned tables) next, then {@code If-Match} (412). Updates
 * lock the row, so that concurrent partial updates apply one after the other and none is lost.
 * Call inside a session ({@code @WithSession}) or transaction ({@code @WithTransaction}).
 */
public final class Rows {

    private Rows() {
    }

    public static <E extends AuditedEntity> Uni<E> find(Class<E> type, long id) {
        return find(type, id, key -> Panache.getSession().chain(session -> session.find(type, key)));
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
        return Panache.getSession()
                .chain(session -> session.find(type, id, LockModeType.PESSIMISTIC_WRITE)
                        .onItem().ifNull().failWith(() -> notFound(type, id))
                        .invoke(guard)
                        .invoke(row -> requireVersion(ifMatch, row))
                        .invoke(changes)
                        .invoke(AuditedEntity::touch)
                        // flush now so that the answer carries the new version
                        .call(session::flush));
    }

    public static <E extends AuditedEntity> Uni<Void> delete(Class<E> type, long id, String ifMatch) {
        return delete(type, id, ifMatch, row -> { });
    }

    public static <E extends AuditedEntity> Uni<Void> delete(Class<E> type, long id, String ifMatch, Consumer<E> guard) {
        return Panache.getSession()
                .chain(session -> session.find(type, id, LockModeType.PESSIMISTIC_WRITE)
                        .onItem().ifNull().failWith(() -> notFound(type, id))
                        .invoke(guard)
                        .invoke(row -> requireVersion(ifMatch, row))
                        .call(session::remove)
                        .call(session::flush))
                .replaceWithVoid();
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
