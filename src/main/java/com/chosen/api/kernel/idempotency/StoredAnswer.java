package com.chosen.api.kernel.idempotency;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The answer to a request sent with an Idempotency-Key, as it was first sent and as every retry gets
 * it again: the status, the headers the resource set (Location, ETag) and the JSON body as written.
 */
record StoredAnswer(int status, Map<String, String> headers, String body) {

    Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        headers.forEach(response::header);
        return response.build();
    }
}
