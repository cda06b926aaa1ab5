package com.chosen.api.kernel.api;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /docs}: a short, memorable way to the Swagger UI. */
@Path("/docs")
public class DocsRedirect {

    @GET
    @Operation(summary = "Redirect to Swagger UI", hidden = true)
    public Response docs() {
        return Response.status(Response.Status.FOUND).location(URI.create("/q/swagger-ui")).build();
    }
}
