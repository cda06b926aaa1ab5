package com.chosen.api.kernel.rows;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/** One window of a list and the count of all matches, which goes to {@code X-Total-Count}. */
public record Page<T>(List<T> items, long total) {

    /** A list of the rows of {@code entity}. */
    public static <E> Query<E> of(Class<E> entity) {
        return new Query<>(entity, entity, "e");
    }

    /** A list of the ids of {@code entity}'s rows: page ids first, then load them with their collections. */
    public static Query<Long> idsOf(Class<?> entity) {
        return new Query<>(Long.class, entity, "e.id");
    }

    /**
     * The query of a list, run as one statement that answers the window and the count of all matches:
     * the count is a subquery of the same condition, which PostgreSQL runs once, from an index where
     * one serves it, while the window reads only its own rows (an index in the list's order serves
     * those). A count over every row as a window function would read every match instead. The
     * listed entity is {@code e}; names may go unqualified where no fetched association shares them.
     */
    public static final class Query<T> {

        private final Class<T> rowType;
        private final String entity;
        private final String select;
        private String joins = "";
        private String where = "";
        private Map<String, Object> parameters = Map.of();

        private Query(Class<T> rowType, Class<?> entity, String select) {
            this.rowType = rowType;
            this.entity = entity.getSimpleName();
            this.select = select;
        }

        /** Fetches an association with each row, e.g. {@code category}. */
        public Query<T> fetching(String association) {
            joins += " left join fetch e." + association;
            return this;
        }

        /** Only the rows that match {@code condition}, written with unqualified attribute names ({@code userId = :owner}). */
        public Query<T> where(String condition, Map<String, Object> parameters) {
            this.where = " where " + condition;
            this.parameters = parameters;
            return this;
        }

        /** The window {@code request} names, in {@code orderBy} (unqualified names, a total order so that pages neither repeat nor skip rows). */
        public Uni<Page<T>> window(String orderBy, PageRequest request) {
            String hql = "select " + select + ", (select count(*) from " + entity + where + ") from " + entity + " e" + joins
                    + where + " order by " + orderBy;
            return rows(hql, request.skip, request.limit).chain(rows -> {
                if (!rows.isEmpty() || request.skip == 0) {
                    return Uni.createFrom().item(new Page<>(rows.stream().map(row -> rowType.cast(row[0])).toList(), total(rows)));
                }
                // past the last row: the first row tells the count
                return rows(hql, 0, 1).map(first -> new Page<T>(List.of(), total(first)));
            });
        }

        private Uni<List<Object[]>> rows(String hql, int skip, int limit) {
            return Rows.read(session -> {
                var query = session.createSelectionQuery(hql, Object[].class).setFirstResult(skip).setMaxResults(limit);
                parameters.forEach(query::setParameter);
                return query.getResultList();
            });
        }

        private static long total(List<Object[]> rows) {
            return rows.isEmpty() ? 0 : (Long) rows.get(0)[1];
        }
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
