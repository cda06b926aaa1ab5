package com.chosen.api.kernel.rows;

import jakarta.ws.rs.core.EntityTag;

/**
 * Entity tags are the row's version, compared strongly (RFC 9110 section 13.1.1): {@link Responses}
 * writes them, {@link Rows} checks If-Match against them.
 */
final class ETags {

    private ETags() {
    }

    static EntityTag of(AuditedEntity row) {
        return new EntityTag(Long.toString(row.version));
    }

    /** True when there is no If-Match, or when one of its tags (or *) names {@code version}. */
    static boolean matches(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return true;
        }
        String current = '"' + Long.toString(version) + '"';
        for (String tag : ifMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.equals("*") || candidate.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
