package com.chosen.api.kernel.rows;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** One window of a list and the count of all matches, which goes to {@code X-Total-Count}. */
public record Page<T>(List<T> items, long total) {

    /**
     * The window {@code request} names of {@code select from ... order by orderBy}, and the count
     * of all matches, in one statement: every row carries the count as a window function
     * ({@code count(*) over ()}), so that a list costs one round trip to the database. Only a window
     * past the last row (no rows, {@code skip} > 0) asks for the count on its own.
     *
     * @param select what a row is, e.g. {@code w} or {@code u.id}, of type {@code rowType}
     * @param from the HQL from clause with its joins and where clause, e.g. {@code from Workout w where w.userId = :owner}
     * @param orderBy a total order, so that pages neither repeat nor skip rows
     */
    public static <T> Uni<Page<T>> of(Class<T> rowType, String select, String from, String orderBy,
                                      Map<String, Object> parameters, PageRequest request) {
        String hql = "select " + select + ", count(*) over () " + from + " order by " + orderBy;
        return rows(hql, parameters, request.skip, request.limit).chain(rows -> {
            if (!rows.isEmpty() || request.skip == 0) {
                return Uni.createFrom().item(new Page<>(rows.stream().map(row -> rowType.cast(row[0])).toList(), total(rows)));
            }
            // past the last row: the first row alone tells the count
            return rows(hql, parameters, 0, 1).map(first -> new Page<T>(List.of(), total(first)));
        });
    }

    private static Uni<List<Object[]>> rows(String hql, Map<String, Object> parameters, int skip, int limit) {
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, Object[].class).setFirstResult(skip).setMaxResults(limit);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    private static long total(List<Object[]> rows) {
        return rows.isEmpty() ? 0 : (Long) rows.get(0)[1];
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
