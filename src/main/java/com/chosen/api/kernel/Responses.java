package com.chosen.api.kernel;

import java.util.function.Function;

import jakarta.ws.rs.core.EntityTag;
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

    /** Entity tags are the row's version, compared strongly (RFC 9110 section 13.1.1). */
    public static final class ETags {

        private ETags() {
        }

        static EntityTag of(AuditedEntity row) {
            return new EntityTag(Long.toString(row.version));
        }

        /** True when there is no If-Match, or when one of its tags (or *) names this version. */
        public static boolean matches(String ifMatch, AuditedEntity row) {
            if (ifMatch == null || ifMatch.isBlank()) {
                return true;
            }
            String current = '"' + Long.toString(row.version) + '"';
            for (String tag : ifMatch.split(",")) {
                String candidate = tag.trim();
                if (candidate.equals("*") || candidate.equals(current)) {
                    return true;
                }
            }
            return false;
        }
    }
}
