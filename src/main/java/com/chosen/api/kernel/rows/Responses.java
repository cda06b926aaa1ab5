package com.chosen.api.kernel.rows;

import java.util.function.Function;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The HTTP shapes the contract fixes for every resource: ETag, Location, X-Total-Count. */
public final class Responses {

    public static final String TOTAL_COUNT = "X-Total-Count";

    private Responses() {
    }

    public static Response ok(Object body, AuditedEntity row) {
        return Response.ok(body).tag(ETags.of(row)).build();
    }

    public static Response created(UriInfo uri, Object body, AuditedEntity row) {
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(row.id)).build())
                .entity(body).tag(ETags.of(row)).build();
    }

    public static <E, V> Response list(Page<E> page, Function<E, V> view) {
        return Response.ok(page.map(view).items()).header(TOTAL_COUNT, page.total()).build();
    }
}
