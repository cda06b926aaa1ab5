package com.chosen.api.kernel.rows;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;

/** One window of a list and the count of all matches, which goes to {@code X-Total-Count}. */
public record Page<T>(List<T> items, long total) {

    public static <E> Uni<Page<E>> of(PanacheQuery<E> query, PageRequest request) {
        // one reactive session runs one statement at a time: count, then fetch
        return query.count().chain(total -> total == 0
                ? Uni.createFrom().item(new Page<E>(List.of(), 0))
                : query.range(request.skip, request.skip + request.limit - 1).list()
                        .map(items -> new Page<>(items, total)));
    }

    /**
     * Replaces the items with what {@code load} makes of them, keeping the total: page ids first,
     * then fetch those rows with their collections, so that a {@code join fetch} never pages in memory.
     */
    public <V> Uni<Page<V>> load(Function<List<T>, Uni<List<V>>> load) {
        return items.isEmpty()
                ? Uni.createFrom().item(new Page<V>(List.of(), total))
                : load.apply(items).map(loaded -> new Page<>(loaded, total));
    }

    public <V> Page<V> map(Function<T, V> view) {
        return new Page<>(items.stream().map(view).toList(), total);
    }
}
